/**
 * Who may do what, as one table: every route × every kind of caller, with the exact status each gets. The
 * routes act on one creator ("the host"); the callers stand in every relation to them. A cell that changes
 * something is undone after it (`restore`), so the cells do not depend on their order. better-auth's sign-up,
 * sign-in and sign-out (which create and end sessions) are covered by modules/auth/auth.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Test } from 'supertest';
import { createApp } from '../app.ts';
import { prisma } from '../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../test/fixtures.ts';
import { cleanUpChatOf, guestHeaders, guestInRoom, joinAndListen } from '../modules/chat/chat.test-support.ts';
import { closeLiveEvents } from '../modules/live/live-events.service.ts';
import { hlsReplay, recordedBroadcast } from '../modules/recordings/recordings.test-support.ts';
import { apis } from '../api.ts';
import {
  COVERED_ELSEWHERE,
  PNG,
  ROLES,
  ROWS,
  restreamDestinationOf,
  type Answers,
  type Cell,
  type Role,
  type World,
} from './authorization-table.ts';

const app = createApp();

const CLIENT_IPS: Record<Role, string> = Object.fromEntries(ROLES.map((role) => [role, testClientIp()])) as Record<Role, string>;

let world: World;

beforeAll(async () => {
  const [host, viewer, follower, blocked, timedOut, moderator, blockedModerator] = await Promise.all(
    ['host', 'viewer', 'follower', 'blocked', 'timedout', 'mod', 'blockedmod'].map((prefix) => signedInAgent(app, prefix)),
  );
  const hostId = host!.user.id;
  cleanUpChatOf(hostId);
  await prisma.follow.create({ data: { followerId: follower!.user.id, followingId: hostId } });
  await prisma.chatModerator.createMany({
    data: [
      { hostId, userId: moderator!.user.id },
      { hostId, userId: blockedModerator!.user.id },
    ],
  });
  await host!.agent.post(`/api/users/${blocked!.user.username}/block`).send({}).expect(200);
  await host!.agent.post(`/api/users/${blockedModerator!.user.username}/block`).send({}).expect(200);
  await prisma.chatSanction.create({
    data: { hostId, identity: timedOut!.user.id, kind: 'TIMEOUT', expiresAt: new Date(Date.now() + 3600_000) },
  });
  const guest = await guestInRoom(app, hostId, { ip: CLIENT_IPS.guest });
  const bannedGuest = await guestInRoom(app, hostId, { ip: CLIENT_IPS.bannedGuest });
  await request(app)
    .post(`/api/chat/${hostId}/messages`)
    .set(guestHeaders(bannedGuest))
    .send({ body: 'before the ban' })
    .expect(201);
  await host!.agent.post(`/api/chat/${hostId}/bans`).send({ identity: bannedGuest.identity }).expect(201);
  // The viewer is in the room too, so a timeout can be delivered to them.
  await joinAndListen({
    ...(await viewer!.agent.post('/api/viewer/token').send({ hostId }).expect(200)).body,
    ip: CLIENT_IPS.viewer,
  });
  const { replayId } = await recordedBroadcast(hostId);
  const hlsReplayOfHost = await hlsReplay(hostId);
  const uploadUrl = (await host!.agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG).expect(201))
    .body.url;
  world = {
    host: host!,
    members: {
      viewer: viewer!,
      follower: follower!,
      blocked: blocked!,
      timedOut: timedOut!,
      moderator: moderator!,
      blockedModerator: blockedModerator!,
    },
    guest,
    bannedGuest,
    uploadUrl,
    restreamDestinationId: await restreamDestinationOf(host!),
    replayId,
    hlsReplay: hlsReplayOfHost,
    // Straight into the table: the per-sender rate limit is not what these cells are about.
    message: async () =>
      (
        await prisma.chatMessage.create({
          data: {
            hostId,
            senderIdentity: hostId,
            senderUserId: hostId,
            senderName: 'host',
            color: '#f87171',
            body: 'a message to act on',
          },
        })
      ).id,
  };
});

afterAll(async () => {
  await closeLiveEvents();
});

/**
 * Sends a cell's request as `role` would (their cookie, or their pass, from their address) and says what they got:
 * the status, and for a refusal the rule that refused them (`reason`, else the error `code`).
 */
async function send(role: Role, cell: Cell): Promise<string> {
  const headers: Record<string, string> = { 'X-Forwarded-For': CLIENT_IPS[role] };
  if (role === 'guest' || role === 'bannedGuest') Object.assign(headers, guestHeaders(world[role]));
  const agent = role === 'owner' ? world.host.agent : isMember(role) ? world.members[role].agent : request(app);
  const call: Test = (agent as ReturnType<typeof request>)[cell.method](cell.path).set(headers);
  if (cell.contentType) call.set('Content-Type', cell.contentType);
  if (cell.stream)
    // The event stream never ends by itself: read the status, then hang up (a refusal is JSON: read it).
    call.buffer(false).parse((response, done) => {
      const stream = response as unknown as NodeJS.ReadableStream & { statusCode: number; destroy: () => void };
      if (stream.statusCode < 400) {
        stream.destroy();
        return done(null, undefined);
      }
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => done(null, JSON.parse(text)));
    });
  const response = await (cell.body === undefined ? call : call.send(cell.body as object));
  if (response.status < 400) return String(response.status);
  const body = (response.body ?? {}) as { reason?: string; code?: string };
  return `${response.status} ${body.reason ?? body.code ?? '?'}`;
}

function isMember(role: Role): role is keyof World['members'] {
  return ['viewer', 'follower', 'blocked', 'timedOut', 'moderator', 'blockedModerator'].includes(role);
}

describe('authorization matrix: every route × every caller', () => {
  it.each(ROWS.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const answers: Partial<Answers> = {};
    for (const role of ROLES) {
      const answer = await send(role, await row.call(world));
      answers[role] = answer;
      if (Number(answer) < 300) await row.restore?.(world);
    }
    expect(answers).toEqual(row.expect);
  });
});

describe('the matrix covers the API', () => {
  it('has a row for every declared route (a new route must say who may call it)', () => {
    const rows = new Set(ROWS.map((row) => row.route.split('?')[0]));
    const declared = apis.flatMap((api) => api.routes).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(declared.filter((route) => !rows.has(route) && !(route in COVERED_ELSEWHERE))).toEqual([]);
    expect(Object.keys(COVERED_ELSEWHERE).filter((route) => !declared.includes(route))).toEqual([]);
  });
});
