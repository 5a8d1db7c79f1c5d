import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Room, dispose } from '@livekit/rtc-node';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser } from '../../test/fixtures.ts';
import { ingressEvent, postWebhook, roomEvent, signBody, signWebhook } from './live.test-support.ts';

const app = createApp();
afterAll(async () => {
  await dispose();
});

const streamOf = (userId: string) => prisma.stream.findUnique({ where: { userId } });
const sessionsOf = (userId: string) =>
  prisma.streamSession.findMany({ where: { stream: { userId } }, include: { presences: true }, orderBy: { startedAt: 'asc' } });

async function deliver(event: Record<string, unknown>) {
  const response = await postWebhook(app, await signWebhook(event));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.outcome as string;
}

async function liveHost(prefix = 'host') {
  const host = await createTestUser(prefix);
  expect(await deliver(ingressEvent('ingress_started', host.id))).toBe('applied');
  return host;
}

describe('POST /api/webhook/livekit: signatures', () => {
  it('refuses an unsigned webhook with 401 and changes nothing', async () => {
    const host = await createTestUser('unsigned');
    const { body } = await signWebhook(ingressEvent('ingress_started', host.id));
    const response = await postWebhook(app, { body });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('signature') });
    expect(await streamOf(host.id)).toBeNull();
    expect(await prisma.webhookEvent.findUnique({ where: { id: JSON.parse(body).id } })).toBeNull();
  });

  it('refuses a webhook signed with another secret (forged) with 401', async () => {
    const host = await createTestUser('forged');
    const forged = await signWebhook(ingressEvent('ingress_started', host.id), 'not-the-real-secret-0123456789');
    const response = await postWebhook(app, forged);
    expect(response.status).toBe(401);
    expect(await streamOf(host.id)).toBeNull();
  });

  it('refuses a correctly signed webhook whose body was changed afterwards with 401', async () => {
    const victim = await createTestUser('victim');
    const other = await createTestUser('other');
    const signed = await signWebhook(ingressEvent('ingress_started', other.id));
    const tampered = signed.body.replaceAll(other.id, victim.id);
    const response = await postWebhook(app, { body: tampered, authorization: signed.authorization });
    expect(response.status).toBe(401);
    expect(await streamOf(victim.id)).toBeNull();
  });

  it('refuses a garbage Authorization header with 401, not 500', async () => {
    const response = await postWebhook(app, { body: '{"event":"room_started"}', authorization: 'Bearer nonsense' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers a correctly signed body that is not an event with 400', async () => {
    for (const body of ['this is not json', '{"event": 42}']) {
      const response = await postWebhook(app, await signBody(body));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BAD_REQUEST');
    }
  });

  it('answers an event without an id with 400', async () => {
    const response = await postWebhook(app, await signBody(JSON.stringify({ event: 'room_started', room: { name: 'x' } })));
    expect(response.status).toBe(400);
  });
});

describe('POST /api/webhook/livekit: live state', () => {
  it('clamps an event dated in the future to the server clock, so it cannot pin the stream state', async () => {
    const host = await createTestUser('future');
    const nextYear = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
    const forged = await signBody(
      JSON.stringify({ id: `EV_future_${host.id}`, createdAt: String(nextYear), ...ingressEvent('ingress_started', host.id) }),
    );
    expect((await postWebhook(app, forged)).body.outcome).toBe('applied');
    const stream = await streamOf(host.id);
    expect(stream!.lastEventAt!.getTime()).toBeLessThanOrEqual(Date.now() + 5000);
    // A genuine event a little later is applied, not ignored as older than a date in the future.
    const genuine = await signBody(
      JSON.stringify({
        id: `EV_genuine_${host.id}`,
        createdAt: String(Math.ceil(stream!.lastEventAt!.getTime() / 1000)),
        ...ingressEvent('ingress_ended', host.id),
      }),
    );
    expect((await postWebhook(app, genuine)).body.outcome).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false });
  });

  it('turns a stream live on ingress_started (creating the Stream row on demand) and offline on ingress_ended', async () => {
    const host = await createTestUser('rtmp');
    expect(await streamOf(host.id)).toBeNull();
    const started = await signWebhook(ingressEvent('ingress_started', host.id));
    expect((await postWebhook(app, started)).body.outcome).toBe('applied');

    const live = await streamOf(host.id);
    expect(live).toMatchObject({ isLive: true, viewerCount: 0 });
    expect(live!.startedAt!.getTime()).toBe(Number(JSON.parse(started.body).createdAt) * 1000);
    const [session] = await sessionsOf(host.id);
    expect(session).toMatchObject({ endedAt: null, startedAt: live!.startedAt });

    expect(await deliver(ingressEvent('ingress_ended', host.id))).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false, startedAt: null, viewerCount: 0 });
    const [ended] = await sessionsOf(host.id);
    expect(ended!.endedAt).not.toBeNull();
  });

  it('treats a repeated event id as a no-op', async () => {
    const host = await createTestUser('repeat');
    const started = await signWebhook(ingressEvent('ingress_started', host.id));
    expect((await postWebhook(app, started)).body.outcome).toBe('applied');
    await deliver(ingressEvent('ingress_ended', host.id));

    const again = await postWebhook(app, started);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('duplicate');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false });
    expect(await sessionsOf(host.id)).toHaveLength(1);
  });

  it('ignores a live-state event older than the last one applied (out of order)', async () => {
    const host = await createTestUser('order');
    const olderStart = await signWebhook(ingressEvent('ingress_started', host.id));
    const newerEnd = await signWebhook(ingressEvent('ingress_ended', host.id));
    expect(Number(JSON.parse(olderStart.body).createdAt)).toBeLessThan(Number(JSON.parse(newerEnd.body).createdAt));

    expect((await postWebhook(app, newerEnd)).body.outcome).toBe('applied');
    expect((await postWebhook(app, olderStart)).body.outcome).toBe('stale');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false });
    expect(await sessionsOf(host.id)).toHaveLength(0);
  });

  it("follows the browser host's tracks: track_published goes live, track_unpublished ends it", async () => {
    const host = await createTestUser('browser');
    expect(await deliver(roomEvent('track_published', host.id, host.id))).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: true });
    // LiveKit has no such participant publishing, so the unpublish ends the stream.
    expect(await deliver(roomEvent('track_unpublished', host.id, host.id))).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false });
  });

  it('ignores tracks of anyone but the host (the self-preview identity included)', async () => {
    const host = await createTestUser('notme');
    expect(await deliver(roomEvent('track_published', host.id, `Host-${host.id}`))).toBe('ignored');
    expect(await deliver(roomEvent('track_published', host.id, 'guest-1-abcdef01'))).toBe('ignored');
    expect(await streamOf(host.id)).toBeNull();
  });

  it('ends the stream on room_finished, closing the session and every presence', async () => {
    const host = await liveHost('finish');
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-aaaaaaaa'));
    expect(await deliver(roomEvent('room_finished', host.id))).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: false, viewerCount: 0 });
    const [session] = await sessionsOf(host.id);
    expect(session!.endedAt).not.toBeNull();
    expect(session!.presences.every((presence) => presence.leftAt !== null)).toBe(true);
  });

  it('ignores rooms that are not a user (200, so LiveKit does not retry)', async () => {
    expect(await deliver(ingressEvent('ingress_started', 'not-a-user-room'))).toBe('ignored');
    expect(await deliver(roomEvent('room_started', 'not-a-user-room'))).toBe('ignored');
  });
});

describe('POST /api/webhook/livekit: viewers', () => {
  it("stores where a viewer came from, as their token's metadata says (unknown or missing: null)", async () => {
    const host = await liveHost('sources');
    await deliver(
      roomEvent('participant_joined', host.id, 'guest-1-0000aaaa', {
        metadata: JSON.stringify({ role: 'guest', source: 'SEARCH' }),
      }),
    );
    await deliver(
      roomEvent('participant_joined', host.id, 'guest-1-0000bbbb', {
        metadata: JSON.stringify({ role: 'guest', source: 'ELSEWHERE' }),
      }),
    );
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-0000cccc', { metadata: 'not json' }));
    const [session] = await sessionsOf(host.id);
    const sources = Object.fromEntries(
      (await prisma.viewerPresence.findMany({ where: { sessionId: session!.id }, select: { identity: true, source: true } })).map(
        (row) => [row.identity, row.source],
      ),
    );
    expect(sources).toEqual({ 'guest-1-0000aaaa': 'SEARCH', 'guest-1-0000bbbb': null, 'guest-1-0000cccc': null });
  });

  it('counts viewers (not the host, not Host-{id}, not the ingress) and records their presence', async () => {
    const host = await liveHost('count');
    const { id } = await createTestUser('fan');
    await deliver(roomEvent('participant_joined', host.id, host.id, { kind: 'INGRESS' }));
    await deliver(roomEvent('participant_joined', host.id, host.id));
    await deliver(roomEvent('participant_joined', host.id, `Host-${host.id}`));
    expect(await streamOf(host.id)).toMatchObject({ viewerCount: 0 });

    await deliver(roomEvent('participant_joined', host.id, id));
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-bbbbbbbb'));
    expect(await streamOf(host.id)).toMatchObject({ viewerCount: 2 });

    await deliver(roomEvent('participant_left', host.id, 'guest-1-bbbbbbbb'));
    expect(await streamOf(host.id)).toMatchObject({ viewerCount: 1 });

    const [session] = await sessionsOf(host.id);
    expect(session!.peakViewers).toBe(2);
    const byIdentity = Object.fromEntries(session!.presences.map((presence) => [presence.identity, presence]));
    expect(Object.keys(byIdentity).sort()).toEqual([id, 'guest-1-bbbbbbbb'].sort());
    expect(byIdentity['guest-1-bbbbbbbb']!.leftAt).not.toBeNull();
    expect(byIdentity[id]!.leftAt).toBeNull();
  });

  it('keeps a viewer who reopened the stream (duplicate identity) and ignores a join older than their leave', async () => {
    const host = await liveHost('dup');
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-cccccccc'));
    await deliver(roomEvent('participant_left', host.id, 'guest-1-cccccccc', { disconnectReason: 'DUPLICATE_IDENTITY' }));
    expect(await streamOf(host.id)).toMatchObject({ viewerCount: 1 });

    const lateJoin = await signWebhook(roomEvent('participant_joined', host.id, 'guest-1-dddddddd'));
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-dddddddd'));
    await deliver(roomEvent('participant_left', host.id, 'guest-1-dddddddd'));
    expect((await postWebhook(app, lateJoin)).body.outcome).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ viewerCount: 1 });
  });

  it('starts the session with the viewers already waiting in the real LiveKit room', async () => {
    const host = await createTestUser('seed');
    const token = (await request(app).post('/api/viewer/token').send({ hostId: host.id })).body;
    const waiting = new Room();
    try {
      await waiting.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
      await deliver(ingressEvent('ingress_started', host.id));
    } finally {
      await waiting.disconnect();
    }
    expect(await streamOf(host.id)).toMatchObject({ isLive: true, viewerCount: 1 });
    const [session] = await sessionsOf(host.id);
    expect(session!.presences.map((presence) => presence.identity)).toEqual([token.identity]);
    expect(session!.peakViewers).toBe(1);
  });

  it('does not count viewers while the stream is offline', async () => {
    const host = await createTestUser('idle');
    await deliver(roomEvent('participant_joined', host.id, 'guest-1-ffffffff'));
    expect(await streamOf(host.id)).toMatchObject({ isLive: false, viewerCount: 0 });
  });
});

describe('POST /api/webhook/livekit: failures', () => {
  it('answers 5xx when the change cannot be applied, stores nothing, and applies the retry', async () => {
    const host = await createTestUser('retry');
    const stream = await prisma.stream.create({ data: { userId: host.id } });
    const started = await signWebhook(ingressEvent('ingress_started', host.id));
    // A real database failure, for this stream only: a trigger that refuses its new session.
    const guard = `refuse_session_${stream.id.replaceAll('-', '')}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${guard}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW."streamId" = '${stream.id}' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${guard} BEFORE INSERT ON "StreamSession" FOR EACH ROW EXECUTE FUNCTION ${guard}()`,
    );
    try {
      const failed = await postWebhook(app, started);
      expect(failed.status).toBe(500);
      expect(failed.body.code).toBe('INTERNAL');
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${guard} ON "StreamSession"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${guard}()`);
    }
    expect(await prisma.webhookEvent.findUnique({ where: { id: JSON.parse(started.body).id } })).toBeNull();
    expect(await streamOf(host.id)).toMatchObject({ isLive: false, lastEventAt: null });

    const retried = await postWebhook(app, started);
    expect(retried.body.outcome).toBe('applied');
    expect(await streamOf(host.id)).toMatchObject({ isLive: true });
  });
});
