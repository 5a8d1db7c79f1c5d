import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EgressInfo } from 'livekit-server-sdk';
import { RESTREAM_DESTINATIONS_MAX } from '@streamhouse/contract';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { egressClient } from '../../lib/livekit.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { postWebhook, signWebhook } from '../live/live.test-support.ts';
import { openStreamKey } from './restream-keys.ts';
import { reconcileRestreams, startRestream, stopRestream } from './restream.service.ts';

afterEach(() => vi.restoreAllMocks());

const app = createApp();
const twitch = { name: 'Twitch', url: 'rtmp://live.twitch.tv/app', streamKey: 'live_0123456789_abcdefWXYZ' };
const ns = (ms: number) => String(BigInt(ms) * 1_000_000n);

describe('restream destinations', () => {
  it('keep the stream key write-only and encrypted at rest', async () => {
    const creator = await signedInAgent(app, 'multi');
    const added = await creator.agent.post('/api/restream/destinations').send(twitch);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Twitch', url: twitch.url, keyHint: 'WXYZ', enabled: true, status: 'IDLE' });
    expect(JSON.stringify(added.body)).not.toContain(twitch.streamKey);
    const listed = await creator.agent.get('/api/restream/destinations');
    expect(listed.headers['cache-control']).toBe('no-store');
    expect(JSON.stringify(listed.body)).not.toContain(twitch.streamKey);
    expect(listed.body).toMatchObject({ items: [{ id: added.body.id }], max: RESTREAM_DESTINATIONS_MAX, available: true });

    const row = await prisma.restreamDestination.findUniqueOrThrow({ where: { id: added.body.id } });
    expect(row.keyCipher).not.toContain(twitch.streamKey);
    expect(openStreamKey(row.keyCipher)).toBe(twitch.streamKey);
    // Tampered with, it opens to nothing (the creator is asked for the key again), never to garbage.
    expect(openStreamKey(`${row.keyCipher.slice(0, -2)}AA`)).toBeUndefined();

    // A new key replaces the old one; renaming leaves the key alone.
    await creator.agent.patch(`/api/restream/destinations/${added.body.id}`).send({ streamKey: 'live_new_key_9876' }).expect(200);
    const renamed = await creator.agent.patch(`/api/restream/destinations/${added.body.id}`).send({ name: 'Twitch main' });
    expect(renamed.body).toMatchObject({ name: 'Twitch main', keyHint: '9876' });
    const again = await prisma.restreamDestination.findUniqueOrThrow({ where: { id: added.body.id } });
    expect(openStreamKey(again.keyCipher)).toBe('live_new_key_9876');
  });

  it('answer 400 with the field for addresses that are not RTMP ingests, and for keys with spaces', async () => {
    const creator = await signedInAgent(app, 'badurl');
    for (const [field, body] of [
      ['url', { ...twitch, url: 'https://live.twitch.tv/app' }],
      ['url', { ...twitch, url: 'rtmp://live.twitch.tv' }],
      ['url', { ...twitch, url: 'rtmp://live twitch.tv/app' }],
      ['url', { ...twitch, url: 'javascript:alert(1)//x/y' }],
      ['streamKey', { ...twitch, streamKey: 'has a space' }],
      ['streamKey', { ...twitch, streamKey: '' }],
      ['name', { ...twitch, name: '' }],
    ] as const) {
      const response = await creator.agent.post('/api/restream/destinations').send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.fields.map((item: { path: string }) => item.path)).toContain(field);
    }
    expect((await creator.agent.patch(`/api/restream/destinations/not-an-id`).send({ enabled: false })).status).toBe(400);
    expect(await prisma.restreamDestination.count({ where: { userId: creator.user.id } })).toBe(0);
  });

  it('refuse addresses inside the network unless the server allows them (the egress would connect from inside)', async () => {
    const creator = await signedInAgent(app, 'ssrf');
    const allowed = env.RESTREAM_ALLOW_PRIVATE_HOSTS;
    env.RESTREAM_ALLOW_PRIVATE_HOSTS = false;
    try {
      for (const url of [
        'rtmp://127.0.0.1:1935/live',
        'rtmp://localhost/live',
        'rtmp://10.1.2.3/live',
        'rtmps://192.168.1.10:443/app',
        'rtmp://169.254.169.254/latest',
        'rtmp://[::1]:1935/live',
      ]) {
        const response = await creator.agent.post('/api/restream/destinations').send({ ...twitch, url });
        expect(response.status, url).toBe(400);
        expect(response.body.fields).toEqual([{ path: 'url', message: 'must be a public address (not this network)' }]);
      }
      expect((await creator.agent.post('/api/restream/destinations').send(twitch)).status).toBe(201);
    } finally {
      env.RESTREAM_ALLOW_PRIVATE_HOSTS = allowed;
    }
  });

  it(`hold at ${RESTREAM_DESTINATIONS_MAX} per creator, also against parallel requests, and only the owner changes one`, async () => {
    const creator = await signedInAgent(app, 'many');
    const other = await signedInAgent(app, 'other');
    const answers = await Promise.all(
      Array.from({ length: RESTREAM_DESTINATIONS_MAX + 3 }, (_, index) =>
        creator.agent.post('/api/restream/destinations').send({ ...twitch, name: `Place ${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      ...Array<number>(RESTREAM_DESTINATIONS_MAX).fill(201),
      409,
      409,
      409,
    ]);
    expect(await prisma.restreamDestination.count({ where: { userId: creator.user.id } })).toBe(RESTREAM_DESTINATIONS_MAX);

    const id = answers.find((answer) => answer.status === 201)!.body.id as string;
    expect((await other.agent.patch(`/api/restream/destinations/${id}`).send({ enabled: false })).status).toBe(404);
    const removals = await Promise.all([1, 2].map(() => creator.agent.delete(`/api/restream/destinations/${id}`)));
    expect(removals.map((removal) => removal.status).sort()).toEqual([204, 404]);
  });
});

describe('restreaming a broadcast', () => {
  it('sends every enabled destination in one egress and shows each one’s state from its reports', async () => {
    const creator = await signedInAgent(app, 'sender');
    const post = (body: object) => creator.agent.post('/api/restream/destinations').send(body).expect(201);
    const first = (await post(twitch)).body.id as string;
    const second = (await post({ name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'yt-key-1' })).body.id;
    await post({ name: 'Off', url: 'rtmp://example.com/live', streamKey: 'off-key', enabled: false });

    const egressId = `EG_${randomBytes(6).toString('hex')}`;
    const started = vi
      .spyOn(egressClient, 'startParticipantEgress')
      .mockResolvedValue(new EgressInfo({ egressId, roomName: creator.user.id }));
    await startRestream(creator.user.id);
    expect(started).toHaveBeenCalledTimes(1);
    const [room, identity, output] = started.mock.calls[0]!;
    expect([room, identity]).toEqual([creator.user.id, creator.user.id]);
    expect((output as { stream: { urls: string[] } }).stream.urls).toEqual([
      `${twitch.url}/${twitch.streamKey}`,
      'rtmp://a.rtmp.youtube.com/live2/yt-key-1',
    ]);

    const report = async (event: string, status: string, at: number, streams: object[]) =>
      postWebhook(
        app,
        await signWebhook({
          event,
          egressInfo: { egressId, roomName: creator.user.id, status, updatedAt: ns(at), streamResults: streams },
        }),
      );
    const t0 = Date.now();
    // The egress names each stream by its address with the key redacted.
    const active = [
      { url: `${twitch.url}/{live_...WXYZ}`, status: 'ACTIVE' },
      { url: 'rtmp://a.rtmp.youtube.com/live2/{yt-...ey-1}', status: 'FAILED', error: 'connection refused' },
    ];
    expect((await report('egress_updated', 'EGRESS_ACTIVE', t0, active)).body.outcome).toBe('applied');
    const states = async () =>
      Object.fromEntries(
        (
          (await creator.agent.get('/api/restream/destinations')).body.items as Array<{
            id: string;
            status: string;
            error: string;
          }>
        )
          .filter((item) => item.id === first || item.id === second)
          .map((item) => [item.id === first ? 'twitch' : 'youtube', [item.status, item.error]]),
      );
    expect(await states()).toEqual({ twitch: ['LIVE', null], youtube: ['FAILED', 'connection refused'] });

    // The broadcast ends: the egress is stopped; its last report leaves the failure for the creator to read.
    const stopped = vi.spyOn(egressClient, 'stopEgress').mockResolvedValue(new EgressInfo({ egressId }));
    await stopRestream(creator.user.id);
    expect(stopped).toHaveBeenCalledWith(egressId);
    expect((await report('egress_ended', 'EGRESS_COMPLETE', t0 + 5_000, active)).body.outcome).toBe('applied');
    // A late, older report changes nothing.
    expect((await report('egress_updated', 'EGRESS_ACTIVE', t0 + 1_000, active)).body.outcome).toBe('stale');
    expect(await states()).toEqual({ twitch: ['IDLE', null], youtube: ['FAILED', 'connection refused'] });
  });
});

describe('restream reconciliation', () => {
  it('sets destinations idle whose egress LiveKit no longer runs (a final report that never arrived)', async () => {
    const creator = await signedInAgent(app, 'lostrs');
    const id = (await creator.agent.post('/api/restream/destinations').send(twitch).expect(201)).body.id as string;
    await prisma.restreamDestination.update({
      where: { id },
      data: { status: 'LIVE', egressId: `EG_${randomBytes(6).toString('hex')}` },
    });
    expect(await reconcileRestreams({ only: [creator.user.id] })).toBe(1);
    expect((await prisma.restreamDestination.findUniqueOrThrow({ where: { id } })).status).toBe('IDLE');
    expect(await reconcileRestreams({ only: [creator.user.id] })).toBe(0);
  });
});
