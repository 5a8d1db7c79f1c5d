import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { env } from '../config/env.ts';
import { prisma } from '../lib/prisma.ts';

const createdUserIds: string[] = [];

/**
 * Whether a test user's broadcasts are recorded. Off unless a test is about recordings: every recording is an
 * egress process re-encoding video, which a test that only needs "live" would pay for on a 2-core machine.
 */
type RecordingChoice = { recorded?: boolean };
const replaySettingsFor = ({ recorded = false }: RecordingChoice) => ({ create: { recordingEnabled: recorded } });

/** A user row straight in PostgreSQL; removed (with everything hanging off it) after the file's tests. */
export async function createTestUser(prefix = 'user', options: RecordingChoice = {}) {
  const displayUsername = `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 24);
  const user = await prisma.user.create({
    data: {
      id: randomUUID(),
      username: displayUsername.toLowerCase(),
      displayUsername,
      name: displayUsername,
      email: `${displayUsername.toLowerCase()}@example.test`,
      replaySettings: replaySettingsFor(options),
    },
  });
  createdUserIds.push(user.id);
  return user;
}

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: createdUserIds } } });
});

/**
 * A made-up client address (10.x.y.z), trusted through the loopback proxy rule: each test client looks like
 * a different household, so per-address limits (sign-up, sign-in) count per test, not for the whole run.
 */
export function testClientIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

/**
 * Signs up through the real auth endpoint and returns a supertest agent that carries the session
 * cookie (and the Origin header a browser would send).
 */
export async function signedInAgent(app: Express, prefix = 'member', options: RecordingChoice = {}) {
  const agent = request.agent(app);
  const displayUsername = `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 24);
  const response = await agent
    .post('/api/auth/sign-up/email')
    .set('Origin', env.PUBLIC_URL)
    .set('X-Forwarded-For', testClientIp())
    .send({
      email: `${displayUsername.toLowerCase()}@example.test`,
      password: 'correct-horse-battery',
      name: displayUsername,
      username: displayUsername,
    });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  const user = response.body.user as { id: string; username: string; displayUsername: string; name: string; email: string };
  createdUserIds.push(user.id);
  await prisma.user.update({ where: { id: user.id }, data: { replaySettings: replaySettingsFor(options) } });
  // The session cookie as a `Cookie` header, for requests sent without the agent (e.g. raw paths).
  const cookie = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0]!)
    .join('; ');
  return { agent, user, cookie };
}
