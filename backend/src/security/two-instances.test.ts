/**
 * Two real backend processes (started by `pnpm test`, sharing PostgreSQL and LiveKit as they would behind a load
 * balancer), driven over HTTP only: every rule must hold whichever instance a request lands on, and a change made
 * through one instance must be obeyed by the other as soon as PostgreSQL tells it (NOTIFY; each test allows 2 s).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { env } from '../config/env.ts';
import { testClientIp } from '../test/fixtures.ts';
import { backendInstances } from '../test/instances.ts';
import { guestHeaders, guestToken, joinAndListen, type JoinToken } from '../modules/chat/chat.test-support.ts';
import { ingressEvent, signWebhook } from '../modules/live/live.test-support.ts';
import { SIGN_IN_LIMITS } from '../modules/auth/sign-in-limit.service.ts';
import type { LiveEvent } from '@streamhouse/contract/events';

const [instanceA, instanceB] = backendInstances();
const PASSWORD = 'correct-horse-battery';

type Member = { user: { id: string; username: string }; cookie: string };

/** Signs up through `instance` (from an address of its own), keeping the session cookie. */
async function signUp(instance: string, prefix: string): Promise<Member> {
  const username = `${prefix}_${randomBytes(4).toString('hex')}`;
  const response = await request(instance)
    .post('/api/auth/sign-up/email')
    .set('Origin', env.PUBLIC_URL)
    .set('X-Forwarded-For', testClientIp())
    .send({ email: `${username}@example.test`, password: PASSWORD, name: username, username });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const cookie = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0]!)
    .join('; ');
  return { user: response.body.user, cookie };
}

/** A signed-in write through `instance`, as the site's pages send it. */
const write = (instance: string, member: Member, method: 'put' | 'post', path: string, body: object) =>
  request(instance)[method](path).set('Cookie', member.cookie).set('Origin', env.PUBLIC_URL).send(body);

const say = (instance: string, guest: JoinToken, hostId: string, body: string) =>
  request(instance).post(`/api/chat/${hostId}/messages`).set(guestHeaders(guest)).send({ body });

/** A guest from a household of their own who opened the channel: pass from `instance`, connected to the room. */
async function guestWatching(instance: string, hostId: string) {
  const guest = await guestToken(instance, hostId);
  return { guest, listener: await joinAndListen(guest) };
}

/** Waits until `instance` reports the room's slow mode as `seconds` (another instance just changed it). */
async function expectSlowMode(instance: string, hostId: string, seconds: number): Promise<void> {
  await expect
    .poll(async () => (await request(instance).get(`/api/chat/${hostId}/state`)).body.settings?.slowModeSeconds, {
      interval: 50,
      timeout: 2000,
    })
    .toBe(seconds);
}

describe('chat rules across two instances', () => {
  it('slow mode turned on through one instance holds on the other, and turning it off frees both', async () => {
    const host = await signUp(instanceA, 'slowhost');
    const early = await guestWatching(instanceB, host.user.id);
    // Both instances serve this room before the change, so neither starts from a blank slate.
    expect((await say(instanceB, early.guest, host.user.id, 'before slow mode, on B')).status).toBe(201);
    expect((await say(instanceA, early.guest, host.user.id, 'before slow mode, on A')).status).toBe(201);

    const settings = { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 30 };
    expect((await write(instanceA, host, 'put', '/api/stream/chat-settings', settings)).status).toBe(200);
    await expectSlowMode(instanceB, host.user.id, 30);

    const refusedEarly = await say(instanceB, early.guest, host.user.id, 'right after, on B');
    expect(refusedEarly.status).toBe(429);
    expect(refusedEarly.body).toMatchObject({ reason: 'SLOW_MODE' });

    const late = await guestWatching(instanceA, host.user.id);
    expect((await say(instanceA, late.guest, host.user.id, 'first in slow mode, on A')).status).toBe(201);
    for (const instance of [instanceB, instanceA]) {
      const refused = await say(instance, late.guest, host.user.id, 'second in slow mode');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'SLOW_MODE' });
      expect(refused.body.retryAfterMs).toBeGreaterThan(20_000);
    }

    expect((await write(instanceB, host, 'put', '/api/stream/chat-settings', { ...settings, slowModeSeconds: 0 })).status).toBe(
      200,
    );
    await expectSlowMode(instanceA, host.user.id, 0);
    expect((await say(instanceA, late.guest, host.user.id, 'slow mode is off again')).status).toBe(201);
  });

  it('counts one sender’s messages on both instances together: 5 per second, every accepted one stored and delivered', async () => {
    const host = await signUp(instanceB, 'ratehost');
    const { guest, listener } = await guestWatching(instanceA, host.user.id);
    const bodies = Array.from({ length: 8 }, (_, index) => `burst ${index}`);
    const responses = await Promise.all(
      bodies.map((body, index) => say(index % 2 ? instanceB : instanceA, guest, host.user.id, body)),
    );

    const accepted = bodies.filter((_, index) => responses[index]!.status === 201);
    const refused = responses.filter((response) => response.status === 429);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const response of refused) expect(response.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_FAST' });

    for (const instance of [instanceA, instanceB]) {
      const history = await request(instance).get(`/api/chat/${host.user.id}/messages`);
      expect(history.body.messages.map((message: { body: string }) => message.body).sort()).toEqual([...accepted].sort());
    }
    // A packet carries one message, or several sent close together.
    const bodiesIn = (event: Record<string, unknown>) =>
      (
        (event.type === 'message' ? [event.message] : event.type === 'messages' ? event.messages : []) as Array<{ body: string }>
      ).map((message) => message.body);
    for (const body of accepted) await listener.waitFor('chat', (event) => bodiesIn(event).includes(body));
  });

  it('a timeout given through one instance silences the guest on the other', async () => {
    const host = await signUp(instanceA, 'modhost');
    const { guest } = await guestWatching(instanceB, host.user.id);
    // The guest has chatted through instance B, which now knows this room.
    expect((await say(instanceB, guest, host.user.id, 'hello')).status).toBe(201);

    expect(
      (await write(instanceA, host, 'post', `/api/chat/${host.user.id}/timeouts`, { identity: guest.identity, minutes: 5 }))
        .status,
    ).toBe(201);
    // Instance B hears of it through PostgreSQL (milliseconds); its chat panel says so before any message is tried.
    await expect
      .poll(
        async () =>
          (await request(instanceB).get(`/api/chat/${host.user.id}/state`).set(guestHeaders(guest))).body.viewer?.restriction
            ?.reason,
        {
          interval: 50,
          timeout: 2000,
        },
      )
      .toBe('TIMED_OUT');
    const silenced = await say(instanceB, guest, host.user.id, 'am I still here?');
    expect(silenced.status).toBe(403);
    expect(silenced.body).toMatchObject({ code: 'FORBIDDEN', reason: 'TIMED_OUT' });
  });
});

type EventStream = { events: LiveEvent[]; waitFor: (match: (event: LiveEvent) => boolean) => Promise<LiveEvent> };
const openStreams: http.ClientRequest[] = [];
afterAll(() => openStreams.forEach((stream) => stream.destroy()));

/** GET /api/live/events on `instance`, as a browser's EventSource from a household of its own. */
function openEventStream(instance: string, hostId: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const waiters: Array<() => void> = [];
    const waitFor: EventStream['waitFor'] = (match) =>
      new Promise((found) => {
        const check = () => {
          const hit = events.find(match);
          if (hit) found(hit);
          else waiters.push(check);
        };
        check();
      });
    const call = http.get(
      `${instance}/api/live/events?hostId=${hostId}`,
      { headers: { 'X-Forwarded-For': testClientIp() } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`event stream: ${response.statusCode}`));
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const messages = buffer.split('\n\n');
          buffer = messages.pop()!;
          for (const message of messages) {
            const data = message.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.push(JSON.parse(data.slice(6)) as LiveEvent);
          }
          for (const wake of waiters.splice(0)) wake();
        });
        // The first bytes (the retry hint) are written once the subscription is in place.
        response.once('data', () => resolve({ events, waitFor }));
      },
    );
    call.on('error', reject);
    openStreams.push(call);
  });
}

describe('live updates across two instances', () => {
  it('a webhook delivered to one instance reaches pages subscribed on either, and so does a title change', async () => {
    const host = await signUp(instanceA, 'livehost');
    const onA = await openEventStream(instanceA, host.user.id);
    const onB = await openEventStream(instanceB, host.user.id);

    const started = await signWebhook(ingressEvent('ingress_started', host.user.id));
    const delivered = await request(instanceA)
      .post('/api/webhook/livekit')
      .set('Content-Type', 'application/webhook+json')
      .set('Authorization', started.authorization)
      .send(started.body);
    expect(delivered.status).toBe(200);
    for (const stream of [onB, onA])
      expect(await stream.waitFor((event) => event.type === 'stream.live')).toMatchObject({ hostId: host.user.id, isLive: true });

    expect((await write(instanceB, host, 'put', '/api/stream/info', { title: 'Raid incoming' })).status).toBe(200);
    for (const stream of [onA, onB])
      expect(await stream.waitFor((event) => event.title === 'Raid incoming')).toMatchObject({
        hostId: host.user.id,
        type: 'stream.updated',
      });
  });
});

describe('sessions across two instances', () => {
  it('signing out through one instance ends the session on the other', async () => {
    const member = await signUp(instanceA, 'leaver');
    const mySettings = (instance: string) => request(instance).get('/api/stream/chat-settings').set('Cookie', member.cookie);
    // Instance B has seen the session (and may keep it in memory) before the sign-out.
    expect((await mySettings(instanceB)).status).toBe(200);

    expect((await write(instanceA, member, 'post', '/api/auth/sign-out', {})).status).toBe(200);
    await expect.poll(async () => (await mySettings(instanceB)).status, { interval: 50, timeout: 2000 }).toBe(401);
    expect((await mySettings(instanceA)).status).toBe(401);
  });

  it('ending a session from the account page, or changing the password, ends it on the other instance at once', async () => {
    const member = await signUp(instanceA, 'laptop');
    const signIn = async () => {
      const response = await request(instanceB)
        .post('/api/auth/sign-in/username')
        .set('Origin', env.PUBLIC_URL)
        .set('X-Forwarded-For', testClientIp())
        .send({ username: member.user.username, password: PASSWORD });
      expect(response.status).toBe(200);
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]!);
      return { ...member, cookie: cookie.join('; ') };
    };
    const bystander = await signUp(instanceB, 'bystander');
    const settings = (instance: string, who: Member) =>
      request(instance).get('/api/stream/chat-settings').set('Cookie', who.cookie);

    // A phone signed in through B, which keeps its session in memory; the laptop ends it through A.
    const phone = await signIn();
    expect((await settings(instanceB, phone)).status).toBe(200);
    expect((await settings(instanceB, bystander)).status).toBe(200);
    const sessions = await request(instanceA).get('/api/account/sessions').set('Cookie', member.cookie);
    const other = (sessions.body.sessions as Array<{ id: string; current: boolean }>).find((session) => !session.current)!;
    const ended = await request(instanceA)
      .delete(`/api/account/sessions/${other.id}`)
      .set('Cookie', member.cookie)
      .set('Origin', env.PUBLIC_URL);
    expect(ended.status).toBe(204);
    await expect.poll(async () => (await settings(instanceB, phone)).status, { interval: 50, timeout: 2000 }).toBe(401);

    // A tablet through B; the laptop changes the password through A, signing the others out.
    const tablet = await signIn();
    expect((await settings(instanceB, tablet)).status).toBe(200);
    const changed = await write(instanceA, member, 'post', '/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'another-horse-battery',
      revokeOtherSessions: true,
    });
    expect(changed.status).toBe(200);
    await expect.poll(async () => (await settings(instanceB, tablet)).status, { interval: 50, timeout: 2000 }).toBe(401);
    // Someone else's session is untouched.
    expect((await settings(instanceB, bystander)).status).toBe(200);
  });
});

describe('sign-in limits across two instances', () => {
  it(`counts failed attempts on both instances together: after ${SIGN_IN_LIMITS.perAccountAndIp.limit} from one address, neither lets it in`, async () => {
    const owner = await signUp(instanceA, 'owner');
    const attacker = testClientIp();
    const signIn = (instance: string, password: string, ip = attacker) =>
      request(instance)
        .post('/api/auth/sign-in/username')
        .set('Origin', env.PUBLIC_URL)
        .set('X-Forwarded-For', ip)
        .send({ username: owner.user.username, password });

    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccountAndIp.limit; attempt++)
      expect((await signIn(attempt % 2 ? instanceB : instanceA, `guess-${attempt}-wrong`)).status).toBe(401);
    for (const instance of [instanceA, instanceB]) {
      const locked = await signIn(instance, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'RATE_LIMITED' });
    }
    // The owner, from their own address, is not locked out by the stranger's guessing.
    expect((await signIn(instanceB, PASSWORD, testClientIp())).status).toBe(200);
  });
});
