import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import express from 'express';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { egressClient } from '../../lib/livekit.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import { postWebhook, signWebhook } from '../live/live.test-support.ts';
import { startRecording } from './recorder.service.ts';
import { reconcileRecordings } from './recordings-reconcile.service.ts';
import { deleteExpiredReplays } from './replay-retention.service.ts';
import { recordedBroadcast, sampleMedia } from './recordings.test-support.ts';

let sampleMp4: Buffer;
beforeAll(() => {
  sampleMp4 = sampleMedia().mp4;
}, 60_000);

const app = createApp();

describe('who may watch a replay', () => {
  it('lets anyone watch by default, and hides replays from people the creator blocked', async () => {
    const host = await signedInAgent(app, 'potter', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id);
    const stranger = await signedInAgent(app, 'stranger', { recorded: true });

    const anonymous = await request(app).get(`/api/recordings/replays/${replayId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({
      id: replayId,
      title: 'Clay day',
      durationMs: 2000,
      username: host.user.displayUsername,
      isOwner: false,
    });
    expect((await request(app).get(`/api/recordings/channels/${host.user.username}/replays`)).body.items).toHaveLength(1);

    expect((await host.agent.post(`/api/users/${stranger.user.username}/block`)).status).toBeLessThan(300);
    for (const url of [
      `/api/recordings/replays/${replayId}`,
      `/api/recordings/replays/${replayId}/media`,
      `/api/recordings/replays/${replayId}/chat`,
    ]) {
      const refused = await stranger.agent.get(url);
      expect(refused.status, url).toBe(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'BLOCKED' });
    }
    const list = await stranger.agent.get(`/api/recordings/channels/${host.user.username}/replays`);
    expect(list.body).toMatchObject({ items: [], locked: { reason: 'BLOCKED' } });
  });

  it('keeps replays to followers, or to the creator alone, when the creator says so', async () => {
    const host = await signedInAgent(app, 'glazer', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id);
    const follower = await signedInAgent(app, 'follower', { recorded: true });
    const other = await signedInAgent(app, 'other', { recorded: true });
    expect((await follower.agent.post(`/api/users/${host.user.username}/follow`)).status).toBeLessThan(300);

    expect((await host.agent.put('/api/recordings/settings').send({ visibility: 'FOLLOWERS' })).body).toMatchObject({
      visibility: 'FOLLOWERS',
    });
    expect((await follower.agent.get(`/api/recordings/replays/${replayId}/media`)).status).toBe(200);
    expect((await other.agent.get(`/api/recordings/replays/${replayId}`)).body).toMatchObject({ reason: 'FOLLOWERS_ONLY' });
    expect((await request(app).get(`/api/recordings/replays/${replayId}/media`)).status).toBe(403);
    expect((await request(app).get(`/api/recordings/channels/${host.user.username}/replays`)).body.locked).toMatchObject({
      reason: 'FOLLOWERS_ONLY',
    });

    await host.agent.put('/api/recordings/settings').send({ visibility: 'ONLY_ME' });
    expect((await follower.agent.get(`/api/recordings/replays/${replayId}`)).body).toMatchObject({ reason: 'PRIVATE' });
    const own = await host.agent.get(`/api/recordings/replays/${replayId}`);
    expect(own.status).toBe(200);
    expect(own.body.isOwner).toBe(true);
  });

  it('answers 404 for a replay that is still being recorded, except in the creator’s own list', async () => {
    const host = await signedInAgent(app, 'live', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id, { status: 'RECORDING' });
    expect((await request(app).get(`/api/recordings/replays/${replayId}`)).status).toBe(404);
    expect((await request(app).get(`/api/recordings/channels/${host.user.username}/replays`)).body.items).toEqual([]);
    expect((await host.agent.get('/api/recordings/mine')).body.items).toMatchObject([{ id: replayId, status: 'RECORDING' }]);
  });
});

describe('GET /api/recordings/replays/:id/media', () => {
  it('serves the MP4 with byte ranges, so a player can seek', async () => {
    const host = await createTestUser('ranges', { recorded: true });
    const { replayId } = await recordedBroadcast(host.id);
    const url = `/api/recordings/replays/${replayId}/media`;

    const whole = await request(app)
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(whole.body as Buffer, sampleMp4)).toBe(0);

    const part = await request(app).get(url).set('Range', 'bytes=100-1099');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1099/${sampleMp4.length}`);
    expect(part.headers['content-length']).toBe('1000');
    expect(part.headers['content-type']).toBe('video/mp4');

    const tail = await request(app).get(url).set('Range', 'bytes=-16');
    expect(tail.status).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${sampleMp4.length - 16}-${sampleMp4.length - 1}/${sampleMp4.length}`);

    const beyond = await request(app)
      .get(url)
      .set('Range', `bytes=${sampleMp4.length + 10}-`);
    expect(beyond.status).toBe(416);

    const picture = await request(app).get(`/api/recordings/replays/${replayId}/thumbnail.jpg`);
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/jpeg');
  });

  it('answers 404 (not 500) when the file is gone from storage', async () => {
    const host = await createTestUser('gone', { recorded: true });
    const { replayId, fileKey } = await recordedBroadcast(host.id);
    fs.rmSync(path.join(env.RECORDINGS_DIR, fileKey));
    const response = await request(app).get(`/api/recordings/replays/${replayId}/media`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('replay chat', () => {
  it('gives the stream’s chat on the video timeline, in order and page by page, without deleted messages', async () => {
    const host = await createTestUser('chatty', { recorded: true });
    const { replayId, startedAt } = await recordedBroadcast(host.id);
    const mediaStart = startedAt.getTime() + 2_000;
    const say = (body: string, at: number, deletedAt?: Date) =>
      prisma.chatMessage.create({
        data: {
          hostId: host.id,
          senderIdentity: 'guest-1',
          senderName: 'Guest',
          color: '#fff',
          isGuest: true,
          body,
          createdAt: new Date(at),
          deletedAt,
        },
      });
    await say('before the broadcast', startedAt.getTime() - 5_000);
    await say('while the recorder started', startedAt.getTime() + 500);
    await say('first', mediaStart + 1_000);
    await say('removed by a moderator', mediaStart + 1_500, new Date());
    await say('second', mediaStart + 2_000);
    await say('third', mediaStart + 3_000);

    const first = await request(app).get(`/api/recordings/replays/${replayId}/chat?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((message: { body: string; offsetMs: number }) => [message.body, message.offsetMs])).toEqual([
      ['while the recorder started', 0],
      ['first', 1000],
    ]);
    const second = await request(app).get(`/api/recordings/replays/${replayId}/chat?limit=2&after=${first.body.next}`);
    expect(second.body.items.map((message: { body: string }) => message.body)).toEqual(['second', 'third']);
    expect(second.body.next).toBeNull();
  });
});

describe('bad input', () => {
  it('answers 400 with the field for malformed ids, settings and cursors, and 401/404 where it should', async () => {
    const host = await signedInAgent(app, 'strict', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id);
    const notUuid = await request(app).get('/api/recordings/replays/..%2f..%2fetc%2fpasswd/media');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const body of [
      {},
      { retentionDays: 0 },
      { retentionDays: 1.5 },
      { visibility: 'FRIENDS' },
      { recordingEnabled: 'yes' },
      { surprise: true },
    ]) {
      const response = await host.agent.put('/api/recordings/settings').send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await request(app).get(`/api/recordings/replays/${replayId}/chat?after=nope`)).status).toBe(400);
    expect((await request(app).get(`/api/recordings/replays/${replayId}/chat?limit=0`)).status).toBe(400);
    expect((await request(app).put('/api/recordings/settings').send({ visibility: 'EVERYONE' })).status).toBe(401);
    const stranger = await signedInAgent(app, 'notmine', { recorded: true });
    expect((await stranger.agent.delete(`/api/recordings/replays/${replayId}`)).status).toBe(404);
    expect((await request(app).get(`/api/recordings/replays/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe('deleting replays', () => {
  it('removes the row and the files when the creator deletes one, and when its retention period has passed', async () => {
    const host = await signedInAgent(app, 'tidy', { recorded: true });
    const kept = await recordedBroadcast(host.user.id);
    const old = await recordedBroadcast(host.user.id, { createdAt: new Date(Date.now() - 10 * 86_400_000) });

    expect((await host.agent.delete(`/api/recordings/replays/${kept.replayId}`)).status).toBe(204);
    expect(fs.existsSync(path.join(env.RECORDINGS_DIR, kept.fileKey))).toBe(false);
    expect(fs.existsSync(path.join(env.RECORDINGS_DIR, host.user.id, kept.sessionId))).toBe(false);

    // Shortening the period applies at once; the hourly job does the same for everyone.
    expect((await host.agent.put('/api/recordings/settings').send({ retentionDays: 7 })).body).toMatchObject({
      retentionDays: 7,
    });
    expect(await prisma.replay.findUnique({ where: { id: old.replayId } })).toBeNull();
    expect(fs.existsSync(path.join(env.RECORDINGS_DIR, old.fileKey))).toBe(false);
    expect(await deleteExpiredReplays({ userId: host.user.id })).toBe(0);
  });
});

describe('egress reports (webhooks)', () => {
  const egressEvent = (event: string, info: Record<string, unknown>) => ({ event, egressInfo: info });

  it('turns egress_updated / egress_ended into the replay’s state once, in order, and keeps failures for the creator', async () => {
    const host = await signedInAgent(app, 'reported', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id, { status: 'RECORDING' });
    const egressId = `EG_${randomBytes(6).toString('hex')}`;
    await prisma.replay.update({
      where: { id: replayId },
      data: { egressId, status: 'STARTING', durationMs: null, sizeBytes: null, thumbnailKey: null },
    });
    const ns = (ms: number) => String(BigInt(ms) * 1_000_000n);
    const t0 = Date.now();
    const base = { egressId, roomName: host.user.id };
    const file = { filename: 'ignored.mp4', startedAt: ns(t0), endedAt: ns(t0 + 42_000), duration: ns(42_000), size: '123456' };

    const active = await signWebhook(
      egressEvent('egress_updated', {
        ...base,
        status: 'EGRESS_ACTIVE',
        updatedAt: ns(t0 + 1),
        fileResults: [{ ...file, endedAt: '0', duration: '0', size: '0' }],
      }),
    );
    expect((await postWebhook(app, active)).body.outcome).toBe('applied');
    expect((await postWebhook(app, active)).body.outcome).toBe('duplicate');
    expect((await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).status).toBe('RECORDING');

    const ended = await signWebhook(
      egressEvent('egress_ended', {
        ...base,
        status: 'EGRESS_COMPLETE',
        updatedAt: ns(t0 + 43_000),
        fileResults: [file],
        imageResults: [{ imageCount: '3' }],
      }),
    );
    expect((await postWebhook(app, ended)).body.outcome).toBe('applied');
    const late = await signWebhook(egressEvent('egress_updated', { ...base, status: 'EGRESS_ACTIVE', updatedAt: ns(t0 + 2) }));
    expect((await postWebhook(app, late)).body.outcome).toBe('stale');
    expect(await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).toMatchObject({
      status: 'READY',
      durationMs: 42_000,
      sizeBytes: 123456n,
      mediaStartedAt: new Date(t0),
      thumbnailKey: expect.stringMatching(/snapshot_00001\.jpeg$/),
    });

    const failedSession = await recordedBroadcast(host.user.id, { status: 'RECORDING' });
    const failedId = `EG_${randomBytes(6).toString('hex')}`;
    await prisma.replay.update({ where: { id: failedSession.replayId }, data: { egressId: failedId } });
    const failed = await signWebhook(
      egressEvent('egress_ended', {
        egressId: failedId,
        roomName: host.user.id,
        status: 'EGRESS_FAILED',
        error: 'could not create element: faac',
        updatedAt: ns(t0 + 5),
      }),
    );
    expect((await postWebhook(app, failed)).body.outcome).toBe('applied');
    const mine = (await host.agent.get('/api/recordings/mine')).body.items as Array<{
      id: string;
      status: string;
      error: string | null;
    }>;
    expect(mine.find((item) => item.id === failedSession.replayId)).toMatchObject({
      status: 'FAILED',
      error: 'The recorder failed: could not create element: faac',
    });
  });

  it('removes what a recorder wrote after its creator deleted their account (its report finds no replay)', async () => {
    const goneId = randomUUID();
    const folder = path.join(env.RECORDINGS_DIR, goneId);
    fs.mkdirSync(path.join(folder, 'session'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'session.mp4'), 'finished after the account went');
    const ended = await signWebhook(
      egressEvent('egress_ended', {
        egressId: `EG_${randomBytes(6).toString('hex')}`,
        roomName: goneId,
        status: 'EGRESS_COMPLETE',
        updatedAt: String(BigInt(Date.now()) * 1_000_000n),
        fileResults: [{ filename: path.join(folder, 'session.mp4'), duration: '1', size: '1' }],
      }),
    );
    expect((await postWebhook(app, ended)).body.outcome).toBe('ignored');
    expect(fs.existsSync(folder)).toBe(false);

    // A creator who still exists keeps their files, whatever an unknown egress reports.
    const host = await signedInAgent(app, 'stillhere');
    const theirs = path.join(env.RECORDINGS_DIR, `${host.user.id}-kept.mp4`);
    fs.writeFileSync(theirs, 'kept');
    const unknown = await signWebhook(
      egressEvent('egress_ended', {
        egressId: `EG_${randomBytes(6).toString('hex')}`,
        roomName: host.user.id,
        status: 'EGRESS_COMPLETE',
        updatedAt: String(BigInt(Date.now()) * 1_000_000n),
      }),
    );
    expect((await postWebhook(app, unknown)).body.outcome).toBe('ignored');
    expect(fs.existsSync(theirs)).toBe(true);
    fs.rmSync(theirs);
  });

  it('refuses an unsigned egress report', async () => {
    const { body } = await signWebhook(
      egressEvent('egress_ended', { egressId: 'EG_x', roomName: 'x', status: 'EGRESS_COMPLETE' }),
    );
    expect((await postWebhook(app, { body })).status).toBe(401);
  });
});

describe('turning recording off', () => {
  it('starts no recording for a creator who turned it off', async () => {
    const host = await signedInAgent(app, 'private', { recorded: true });
    expect((await host.agent.put('/api/recordings/settings').send({ recordingEnabled: false })).body).toMatchObject({
      recordingEnabled: false,
    });
    const stream = await prisma.stream.create({ data: { userId: host.user.id, isLive: true, startedAt: new Date() } });
    await prisma.streamSession.create({ data: { streamId: stream.id, startedAt: new Date() } });

    await startRecording(host.user.id);
    await reconcileRecordings({ only: [host.user.id] });

    expect(await prisma.replay.count({ where: { hostId: host.user.id } })).toBe(0);
    expect((await host.agent.get('/api/recordings/mine')).body).toMatchObject({ items: [], recorder: { available: true } });
  });
});

describe('reconciliation', () => {
  it('reports a recording the egress service never confirmed as failed, so the creator sees it', async () => {
    const host = await createTestUser('lost', { recorded: true });
    const { replayId } = await recordedBroadcast(host.id, { status: 'RECORDING', createdAt: new Date(Date.now() - 10 * 60_000) });
    await prisma.replay.update({ where: { id: replayId }, data: { egressId: `EG_${randomBytes(6).toString('hex')}` } });
    const report = await reconcileRecordings({ only: [host.id] });
    expect(report.settled).toEqual([replayId]);
    expect(await prisma.replay.findUniqueOrThrow({ where: { id: replayId } })).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('never confirmed'),
    });
  });
});

describe('replays in object storage', () => {
  it('hand out a signed link that lives minutes and is never cached, so a block or "only me" holds within minutes', async () => {
    const { s3Storage, SIGNED_URL_SECONDS } = await import('./recordings.storage.ts');
    const bucket = s3Storage({
      bucket: 'replays',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      accessKeyId: 'test-access-key',
      secretAccessKey: 'test-secret-key',
    });
    const app = express();
    app.get('/media', (_req, res, next) => void bucket.serve(res, 'host/session.mp4', 'private, max-age=3600').catch(next));
    const response = await request(app).get('/media');
    expect(response.status).toBe(302);
    expect(response.headers['cache-control']).toBe('no-store');
    const signed = new URL(response.headers.location!);
    expect(signed.pathname).toBe('/replays/host/session.mp4');
    expect(Number(signed.searchParams.get('X-Amz-Expires'))).toBe(SIGNED_URL_SECONDS);
    expect(SIGNED_URL_SECONDS).toBeLessThanOrEqual(10 * 60);
  });
});

describe('turning recording off during a broadcast', () => {
  it('stops the recording in progress at once (what was recorded stays a replay)', async () => {
    const host = await signedInAgent(app, 'midway', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id, { status: 'RECORDING' });
    const egressId = `EG_${randomBytes(6).toString('hex')}`;
    await prisma.replay.update({ where: { id: replayId }, data: { egressId } });
    const stopped = vi.spyOn(egressClient, 'stopEgress');
    try {
      expect((await host.agent.put('/api/recordings/settings').send({ recordingEnabled: false })).status).toBe(200);
      expect(stopped).toHaveBeenCalledWith(egressId);
    } finally {
      stopped.mockRestore();
    }
  });
});
