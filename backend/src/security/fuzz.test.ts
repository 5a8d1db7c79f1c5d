/**
 * Property: whatever a script sends to any route — odd path parameters, query strings and bodies, as an
 * anonymous caller, a guest or a signed-in creator — the answer is never a 5xx, and a refused request (4xx)
 * changes nothing. Fixed seed, so a failure is reproducible; fast-check shrinks it to the smallest request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../app.ts';
import { prisma } from '../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../test/fixtures.ts';
import { rawRequest } from '../test/raw-request.ts';
import { cleanUpChatOf, guestInRoom, type JoinToken } from '../modules/chat/chat.test-support.ts';
import { closeLiveEvents } from '../modules/live/live-events.service.ts';
import { PNG, ROWS } from './authorization-table.ts';

const SEED = 20261130;
const RUNS = 2400;

const app = createApp();

type Route = { method: string; template: string };
/**
 * Every route of the API (the same list the authorization matrix checks, except health probes), plus the
 * better-auth endpoints anyone can reach before having an account.
 */
const ROUTES: Route[] = [
  ...ROWS.map((row) => {
    const [method, template] = row.route.split(' ') as [string, string];
    return { method, template };
  }).filter((route) => route.template.startsWith('/api/')),
  { method: 'POST', template: '/api/auth/sign-up/email' },
  { method: 'POST', template: '/api/auth/sign-in/username' },
  { method: 'POST', template: '/api/auth/sign-in/email' },
  { method: 'POST', template: '/api/auth/is-username-available' },
];

type Known = { hostId: string; username: string; messageId: string; uploadId: string; cookie: string; guest: JoinToken };
let known: Known;

beforeAll(async () => {
  const host = await signedInAgent(app, 'fuzzed');
  cleanUpChatOf(host.user.id);
  const message = await host.agent.post(`/api/chat/${host.user.id}/messages`).send({ body: 'hello fuzz' }).expect(201);
  const upload = await host.agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG).expect(201);
  known = {
    hostId: host.user.id,
    username: host.user.username,
    messageId: message.body.message.id,
    uploadId: upload.body.id,
    cookie: host.cookie,
    guest: await guestInRoom(app, host.user.id, { ip: testClientIp() }),
  };
});

afterAll(async () => {
  await closeLiveEvents();
});

/** Everything a refused request must leave as it was: the fuzzed creator's rows and everything hanging off them. */
async function snapshot(): Promise<string> {
  const { hostId } = known;
  const [user, stream, follows, blocks, messages, sanctions, moderators, uploads, sessions] = await Promise.all([
    prisma.user.findUnique({ where: { id: hostId }, select: { name: true, bio: true, image: true, username: true } }),
    prisma.stream.findUnique({ where: { userId: hostId }, omit: { updatedAt: true } }),
    prisma.follow.count({ where: { OR: [{ followerId: hostId }, { followingId: hostId }] } }),
    prisma.block.count({ where: { OR: [{ blockerId: hostId }, { blockedId: hostId }] } }),
    prisma.chatMessage.findMany({ where: { hostId }, select: { id: true, deletedAt: true }, orderBy: { id: 'asc' } }),
    prisma.chatSanction.count({ where: { hostId } }),
    prisma.chatModerator.count({ where: { hostId } }),
    prisma.upload.count({ where: { ownerId: hostId } }),
    prisma.session.count({ where: { userId: hostId } }),
  ]);
  return JSON.stringify({ user, stream, follows, blocks, messages, sanctions, moderators, uploads, sessions });
}

// ── What a script might put in a path segment, a query string or a body.

const nasty = fc.constantFrom(
  '',
  ' ',
  '%00',
  '%2e%2e',
  '..',
  '%ZZ',
  '%',
  '\u0000',
  '\u202e',
  '\u200b',
  'null',
  'undefined',
  '-1',
  '1e309',
  'a'.repeat(300),
);
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 600 }), nasty);

function segment(name: string): fc.Arbitrary<string> {
  const real = {
    hostId: () => known.hostId,
    username: () => known.username,
    messageId: () => known.messageId,
    id: () => known.uploadId,
    userId: () => known.hostId,
  }[name];
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null).map(() => encodeURIComponent(real ? real() : 'x')) },
    { weight: 3, arbitrary: text.map((value) => encodeURIComponent(value)) },
    // Already-escaped oddities, sent as they are.
    { weight: 1, arbitrary: fc.constantFrom('%00', '%2e%2e', '%2e', '%ZZ', '%C0%AE', '%FF', 'a%00b', '%u0041') },
  );
}

const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Field names the API's bodies use, so many fuzzed bodies reach past "unknown field" into the rules. */
const FIELDS = [
  'body',
  'guestName',
  'hostId',
  'username',
  'title',
  'description',
  'thumbnailUrl',
  'isChatEnabled',
  'isChatFollowersOnly',
  'slowModeSeconds',
  'guestsMayChat',
  'identity',
  'minutes',
  'messageId',
  'userId',
  'reaction',
  'type',
  'quality',
  'name',
  'bio',
  'image',
  'email',
  'password',
  'displayUsername',
  'recordingEnabled',
  'visibility',
  'retentionDays',
];
const knownFieldBody = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(jsonValue, fc.constantFrom('like', 'RTMP', 'WHIP', '720p')),
  { maxKeys: 4 },
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: knownFieldBody.map((value) => ({ type: 'application/json', data: JSON.stringify(value) })) },
  { weight: 2, arbitrary: jsonValue.map((value) => ({ type: 'application/json', data: JSON.stringify(value) ?? 'null' })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((data) => ({ type: 'application/json', data })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'image/png'), text)
      .map(([type, data]) => ({ type, data })),
  },
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom('q', 'limit', 'page', 'before', 'cursor', 'hostId', 'after'), text),
  fc.oneof(text, fc.integer().map(String)),
  { maxKeys: 3 },
);

const actor = fc.constantFrom('anonymous', 'guest', 'owner');

const request = fc
  .record({ route: fc.constantFrom(...ROUTES), actor, query, body })
  .chain((picked) => {
    const names = [...picked.route.template.matchAll(/:(\w+)/g)].map((match) => match[1]!);
    return fc.tuple(fc.constant(picked), fc.tuple(...names.map(segment)), fc.constant(names));
  })
  .map(([picked, values, names]) => {
    let path = picked.route.template;
    names.forEach((name, index) => (path = path.replace(`:${name}`, values[index]!)));
    const search = Object.entries(picked.query)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    return { method: picked.route.method, path: search ? `${path}?${search}` : path, actor: picked.actor, body: picked.body };
  });

describe('fuzzing every route', () => {
  it(`never answers 5xx, and a refused request changes nothing (${RUNS} requests, seed ${SEED})`, async () => {
    let before = await snapshot();
    const history: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (fuzzed) => {
        const headers: Record<string, string> = { 'x-forwarded-for': testClientIp() };
        if (fuzzed.actor === 'owner') headers.cookie = known.cookie;
        if (fuzzed.actor === 'guest')
          Object.assign(headers, { authorization: `Bearer ${known.guest.token}`, 'x-forwarded-for': known.guest.ip });
        if (fuzzed.body) headers['content-type'] = fuzzed.body.type;
        const response = await rawRequest(app, {
          method: fuzzed.method,
          path: fuzzed.path,
          headers,
          body: fuzzed.body?.data,
          untilHeaders: fuzzed.path.startsWith('/api/live/events'),
        });
        expect(response.status, `${fuzzed.method} ${fuzzed.path} → ${response.text.slice(0, 200)}`).toBeLessThan(500);
        const after = await snapshot();
        if (response.status >= 400)
          expect(
            after,
            `${fuzzed.method} ${fuzzed.path} was refused (${response.status}) but changed data; before it: ${history.slice(-3).join(' | ')}`,
          ).toBe(before);
        before = after;
        history.push(
          `${fuzzed.actor} ${fuzzed.method} ${fuzzed.path.slice(0, 90)} ${fuzzed.body?.data?.slice(0, 60) ?? ''} → ${response.status}`,
        );
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
