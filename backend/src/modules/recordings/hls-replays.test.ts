import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EgressInfo, type SegmentedFileOutput } from 'livekit-server-sdk';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { egressClient } from '../../lib/livekit.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { postWebhook, signWebhook } from '../live/live.test-support.ts';
import { hlsBroadcast, sampleMedia, writeRecorderPart } from './recordings.test-support.ts';

beforeAll(() => void sampleMedia(), 60_000);
afterEach(() => vi.restoreAllMocks());

const app = createApp();
const ns = (ms: number) => String(BigInt(ms) * 1_000_000n);
const newEgressId = () => `EG_${randomBytes(6).toString('hex')}`;
const newPart = () => `p-${randomBytes(6).toString('hex')}`;
/** The recorder's final report, as LiveKit's webhook delivers it. */
const recorderEnded = (egressId: string, hostId: string, status: string, error?: string) =>
  signWebhook({ event: 'egress_ended', egressInfo: { egressId, roomName: hostId, status, error, updatedAt: ns(Date.now()) } });

describe('HLS replays', () => {
  it('follow a recorder killed mid-broadcast with a new one, and play both parts as one video with its chat in place', async () => {
    const host = await signedInAgent(app, 'kilns', { recorded: true });
    const viewer = await signedInAgent(app, 'potfan');
    const t0 = new Date(Date.now() - 60_000);
    const first = { name: newPart(), startedAt: t0, segments: 3, closed: false };
    const killed = newEgressId();
    const { replayId, folder, segmentBytes } = await hlsBroadcast(host.user.id, [first], { live: true, egressId: killed });

    const successor = newEgressId();
    const started = vi
      .spyOn(egressClient, 'startParticipantEgress')
      .mockResolvedValue(new EgressInfo({ egressId: successor, roomName: host.user.id }));
    expect((await postWebhook(app, await recorderEnded(killed, host.user.id, 'EGRESS_FAILED', 'internal error'))).body).toEqual({
      outcome: 'applied',
    });

    // The broadcast goes on, so a new recorder takes over, writing a part of its own beside the first.
    expect(started).toHaveBeenCalledTimes(1);
    const output = started.mock.calls[0]![2] as { segments: SegmentedFileOutput };
    const secondName = path.basename(output.segments.playlistName, '.m3u8');
    expect(secondName).toMatch(/^p-[0-9a-f]{12}$/);
    expect(path.dirname(output.segments.playlistName)).toBe(folder);
    expect(output.segments.segmentDuration).toBe(2);
    expect(await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).toMatchObject({
      status: 'STARTING',
      egressId: successor,
      hlsParts: [first.name, secondName],
    });

    // It records 6 s after a 4 s gap; then the creator ends the broadcast and it closes its playlist.
    const second = { name: secondName, startedAt: new Date(t0.getTime() + 10_000), segments: 3, closed: true };
    writeRecorderPart(folder, second);
    await prisma.streamSession.updateMany({ where: { replay: { id: replayId } }, data: { endedAt: new Date() } });
    await prisma.stream.update({ where: { userId: host.user.id }, data: { isLive: false } });
    expect((await postWebhook(app, await recorderEnded(successor, host.user.id, 'EGRESS_COMPLETE'))).body.outcome).toBe(
      'applied',
    );

    const replay = await prisma.replay.findUniqueOrThrow({ where: { id: replayId } });
    expect(replay).toMatchObject({
      status: 'READY',
      durationMs: 12_000,
      mediaStartedAt: t0,
      // A clean end takes its last picture as the stream closes (black): the one before it.
      thumbnailKey: expect.stringMatching(/snapshot_00001\.jpeg$/),
      error: expect.stringContaining('a new one took over once'),
    });
    expect(Number(replay.sizeBytes)).toBeGreaterThanOrEqual(6 * segmentBytes);

    const details = await viewer.agent.get(`/api/recordings/replays/${replayId}`);
    expect(details.body).toMatchObject({
      mediaType: 'application/vnd.apple.mpegurl',
      mediaUrl: `/api/recordings/replays/${replayId}/hls/index.m3u8`,
      durationMs: 12_000,
    });
    const playlist = await viewer.agent.get(details.body.mediaUrl);
    expect(playlist.status).toBe(200);
    expect(playlist.headers['content-type']).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(playlist.headers['cache-control']).toBe('private, max-age=60');
    const uris = playlist.text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(uris).toEqual(
      [0, 1, 2].map((i) => `${first.name}_0000${i}.ts`).concat([0, 1, 2].map((i) => `${secondName}_0000${i}.ts`)),
    );
    expect(playlist.text).toContain('#EXT-X-DISCONTINUITY');
    expect(playlist.text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    for (const uri of [uris[0], uris[5]]) {
      const segment = await viewer.agent.get(`/api/recordings/replays/${replayId}/hls/${uri}`).buffer(true);
      expect(segment.status).toBe(200);
      expect(segment.headers['content-type']).toBe('video/mp2t');
      expect(segment.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(segment.body.length).toBe(segmentBytes);
    }

    // Chat lines up across the gap: inside a part at its place, in the gap at the start of the second part.
    const said = async (body: string, atMs: number) =>
      prisma.chatMessage.create({
        data: {
          hostId: host.user.id,
          senderIdentity: viewer.user.id,
          senderUserId: viewer.user.id,
          senderName: 'potfan',
          color: '#fff',
          body,
          createdAt: new Date(t0.getTime() + atMs),
        },
      });
    await said('first part', 3_000);
    await said('in the gap', 8_000);
    await said('second part', 11_000);
    const chat = await viewer.agent.get(`/api/recordings/replays/${replayId}/chat`);
    expect(chat.body.items.map((item: { body: string; offsetMs: number }) => [item.body, item.offsetMs])).toEqual([
      ['first part', 3_000],
      ['in the gap', 6_000],
      ['second part', 7_000],
    ]);

    // Only this replay's own segments, by name; the same access rules as the replay.
    expect((await viewer.agent.get(`/api/recordings/replays/${replayId}/hls/${newPart()}_00000.ts`)).status).toBe(404);
    const traversal = await viewer.agent.get(`/api/recordings/replays/${replayId}/hls/..%2F..%2Fsecret.ts`);
    expect(traversal.status).toBe(400);
    expect(traversal.body.code).toBe('VALIDATION_FAILED');
    expect((await viewer.agent.get(`/api/recordings/replays/${replayId}/media`)).status).toBe(404);
    await host.agent.put('/api/recordings/settings').send({ visibility: 'ONLY_ME' });
    expect((await viewer.agent.get(`/api/recordings/replays/${replayId}/hls/${uris[0]}`)).status).toBe(403);
    expect((await viewer.agent.get(details.body.mediaUrl)).status).toBe(403);
  });

  it('keep what a recorder wrote when it dies as the broadcast ends, and tell the creator where the replay stops', async () => {
    const host = await signedInAgent(app, 'glazes', { recorded: true });
    const egressId = newEgressId();
    const part = { name: newPart(), startedAt: new Date(Date.now() - 30_000), segments: 4, closed: false };
    const { replayId } = await hlsBroadcast(host.user.id, [part], { live: false, egressId });
    const started = vi.spyOn(egressClient, 'startParticipantEgress');

    await postWebhook(app, await recorderEnded(egressId, host.user.id, 'EGRESS_FAILED', 'internal error'));

    expect(started).not.toHaveBeenCalled();
    const mine = await host.agent.get('/api/recordings/mine');
    expect(mine.body.items.find((item: { id: string }) => item.id === replayId)).toMatchObject({
      status: 'READY',
      durationMs: 8_000,
      error: 'The recorder stopped during the broadcast (internal error). The replay has the broadcast up to 0:08.',
      // It died without its closing picture: the newest it took shows the broadcast.
      thumbnailUrl: `/api/recordings/replays/${replayId}/thumbnail.jpg`,
    });
    expect((await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).thumbnailKey).toMatch(/snapshot_00002\.jpeg$/);
  });

  it('fail, with the reason, only when no segment was written', async () => {
    const host = await signedInAgent(app, 'nothing', { recorded: true });
    const egressId = newEgressId();
    const part = { name: newPart(), startedAt: new Date(), segments: 0, closed: false };
    const { replayId } = await hlsBroadcast(host.user.id, [part], { live: false, egressId });

    await postWebhook(app, await recorderEnded(egressId, host.user.id, 'EGRESS_FAILED', 'internal error'));

    expect(await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).toMatchObject({
      status: 'FAILED',
      error: 'The recorder stopped during the broadcast (internal error).',
    });
  });

  it('serve a live broadcast as a sliding window of its newest segments, across a recorder that took over', async () => {
    const host = await signedInAgent(app, 'livehls');
    const viewer = await signedInAgent(app, 'dataviewer');
    const blocked = await signedInAgent(app, 'nohls');
    await prisma.block.create({ data: { blockerId: host.user.id, blockedId: blocked.user.id } });
    const t0 = new Date(Date.now() - 60_000);
    const first = { name: newPart(), startedAt: t0, segments: 5, closed: false };
    const second = { name: newPart(), startedAt: new Date(t0.getTime() + 14_000), segments: 3, closed: false };
    const { replayId, segmentBytes } = await hlsBroadcast(host.user.id, [first, second], { live: true, egressId: newEgressId() });
    await prisma.replay.update({ where: { id: replayId }, data: { status: 'RECORDING' } });
    const base = `/api/recordings/channels/${host.user.username}/live`;

    const live = await request(app).get(`${base}/index.m3u8`);
    expect(live.status).toBe(200);
    expect(live.headers['cache-control']).toBe('private, no-cache');
    const uris = live.text.split('\n').filter((line) => line && !line.startsWith('#'));
    // The newest 6 of 8: the last 3 of the first recorder, then the 3 of the one that took over.
    expect(uris).toEqual(
      [2, 3, 4].map((i) => `${first.name}_0000${i}.ts`).concat([0, 1, 2].map((i) => `${second.name}_0000${i}.ts`)),
    );
    expect(live.text).toContain('#EXT-X-MEDIA-SEQUENCE:2');
    expect(live.text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:0');
    expect(live.text.match(/#EXT-X-DISCONTINUITY$/gm)).toHaveLength(1);
    expect(live.text).not.toContain('#EXT-X-ENDLIST');

    const segment = await viewer.agent.get(`${base}/${uris[5]}`).buffer(true);
    expect([segment.status, segment.headers['content-type'], segment.body.length]).toEqual([200, 'video/mp2t', segmentBytes]);
    expect((await blocked.agent.get(`${base}/index.m3u8`)).body.reason).toBe('BLOCKED');
    expect((await blocked.agent.get(`${base}/${uris[5]}`)).status).toBe(403);
    expect((await viewer.agent.get(`${base}/${newPart()}_00000.ts`)).status).toBe(404);

    // Once the broadcast has ended there is no live playlist (the replay has it all).
    await prisma.streamSession.updateMany({ where: { replay: { id: replayId } }, data: { endedAt: new Date() } });
    expect((await request(app).get(`${base}/index.m3u8`)).status).toBe(404);
  });
});
