import { afterAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, testClientIp } from '../../test/fixtures.ts';
import type { ChatSettings } from './chat.schemas.ts';
import { roomChanged } from './chat-settings.service.ts';

/** Chat rows have no foreign key to the host: remove the ones a test file's hosts collected. */
const hostIds: string[] = [];
export function cleanUpChatOf(hostId: string): void {
  hostIds.push(hostId);
}
afterAll(async () => {
  await prisma.chatMessage.deleteMany({ where: { hostId: { in: hostIds } } });
  await prisma.chatSanction.deleteMany({ where: { hostId: { in: hostIds } } });
});

/** A creator as a plain row (no session: signing up hashes a password, which is slow); their chat is cleaned up. */
export async function createHost(prefix = 'host') {
  const host = await createTestUser(prefix);
  cleanUpChatOf(host.id);
  return host;
}

/** Sets a room's rules directly (the settings endpoint has its own tests). */
export async function setRules(hostId: string, rules: Partial<ChatSettings>): Promise<void> {
  await prisma.stream.upsert({ where: { userId: hostId }, create: { userId: hostId, ...rules }, update: rules });
  await roomChanged(hostId);
}

export async function appointModerator(hostId: string, userId: string): Promise<void> {
  await prisma.chatModerator.create({ data: { hostId, userId } });
  await roomChanged(hostId);
}

/** A room token and the (made-up) client address it was minted from, which later requests come from too. */
export type JoinToken = { token: string; identity: string; name: string; wsUrl: string; ip: string };

/**
 * A guest's room token, exactly as the watch page gets it; each guest is its own household unless `ip` is given.
 * `app` is an in-process app or the URL of a running backend.
 */
export async function guestToken(
  app: Express | string,
  hostId: string,
  options: { ip?: string; guestName?: string } = {},
): Promise<JoinToken> {
  const ip = options.ip ?? testClientIp();
  const response = await request(app)
    .post('/api/viewer/token')
    .set('X-Forwarded-For', ip)
    .send({ hostId, guestName: options.guestName });
  if (response.status !== 200) throw new Error(`guest token: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...(response.body as Omit<JoinToken, 'ip'>), ip };
}

/** A guest who opened the channel: their pass, and their connection to the room (guests chat only from there). */
export async function guestInRoom(
  app: Express | string,
  hostId: string,
  options: { ip?: string; guestName?: string } = {},
): Promise<JoinToken> {
  const token = await guestToken(app, hostId, options);
  await joinAndListen(token);
  return token;
}

export const bearer = (token: Pick<JoinToken, 'token'>) => `Bearer ${token.token}`;

/** Headers of a guest's request: their pass, from their address. */
export const guestHeaders = (token: Pick<JoinToken, 'token' | 'ip'>) => ({
  Authorization: bearer(token),
  'X-Forwarded-For': token.ip,
});

/** A participant connected with rtc-node that records every data packet it receives. */
export type Listener = {
  room: Room;
  received: Array<{ topic: string | undefined; from: string | undefined; event: { type: string } & Record<string, unknown> }>;
  /** Resolves with the first event on `topic` matching `match`. */
  waitFor: (topic: string, match: (event: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
};

const rooms: Room[] = [];
afterAll(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
  await dispose();
});

export async function joinAndListen(token: JoinToken): Promise<Listener> {
  const room = new Room();
  rooms.push(room);
  const received: Listener['received'] = [];
  const waiters: Array<() => void> = [];
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    received.push({ topic, from: participant?.identity, event: JSON.parse(new TextDecoder().decode(payload)) });
    for (const wake of waiters.splice(0)) wake();
  });
  await room.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
  const waitFor: Listener['waitFor'] = (topic, match) =>
    new Promise((resolve) => {
      const check = () => {
        const hit = received.find((packet) => packet.topic === topic && match(packet.event));
        if (hit) resolve(hit.event);
        else waiters.push(check);
      };
      check();
    });
  return { room, received, waitFor };
}
