/**
 * Two (or twenty) identical requests at once — a double click, a retrying client, two backend instances — never
 * answer 500: deletes are idempotent (one wins, the others find it gone), quotas are checked and spent under one
 * lock, and a file read while being rewritten counts as not there yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { MAX_IMAGE_BYTES } from '@streamhouse/contract';
import { createApp } from '../app.ts';
import { env } from '../config/env.ts';
import { prisma } from '../lib/prisma.ts';
import { signedInAgent } from '../test/fixtures.ts';
import { recordedBroadcast } from '../modules/recordings/recordings.test-support.ts';
import { deleteExpiredReplays } from '../modules/recordings/replay-retention.service.ts';
import { UPLOAD_LIMITS } from '../modules/uploads/uploads.service.ts';
import { grantAdmin } from '../modules/admin/admin.service.ts';

const app = createApp();
const AT_ONCE = 20;

const statusesOf = async (requests: Array<PromiseLike<{ status: number }>>) =>
  (await Promise.all(requests)).map((response) => response.status).sort();

describe('identical requests at once', () => {
  it('DELETE a replay ×20: one 204, the rest 404, nothing lost but that replay', async () => {
    const host = await signedInAgent(app, 'twice', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id);
    const kept = await recordedBroadcast(host.user.id);
    const statuses = await statusesOf(
      Array.from({ length: AT_ONCE }, () => host.agent.delete(`/api/recordings/replays/${replayId}`)),
    );
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 204).every((status) => status === 404)).toBe(true);
    expect(await prisma.replay.count({ where: { id: kept.replayId } })).toBe(1);
  });

  it('the retention job running ×5 beside a creator deleting the same replays finishes, and removes each once', async () => {
    const host = await signedInAgent(app, 'retained', { recorded: true });
    await host.agent.put('/api/recordings/settings').send({ retentionDays: 1 }).expect(200);
    const old = new Date(Date.now() - 3 * 86_400_000);
    const expired = [];
    for (let index = 0; index < 4; index++) expired.push(await recordedBroadcast(host.user.id, { createdAt: old }));
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => deleteExpiredReplays({ userId: host.user.id })),
      ...expired.map((replay) =>
        host.agent.delete(`/api/recordings/replays/${replay.replayId}`).then((response) => response.status),
      ),
    ]);
    const deletedByJobs = (results.slice(0, 5) as number[]).reduce((sum, count) => sum + count, 0);
    const deletedByCreator = (results.slice(5) as number[]).filter((status) => status === 204).length;
    expect(deletedByJobs + deletedByCreator).toBe(expired.length);
    expect(await prisma.replay.count({ where: { hostId: host.user.id } })).toBe(0);
  });

  it('POST /api/uploads ×20 near the storage quota: never more than the quota stored, the rest 413', async () => {
    const uploader = await signedInAgent(app, 'filler');
    // The bytes decide the type: a PNG signature, then filler, just under the per-image limit.
    const image = Buffer.alloc(MAX_IMAGE_BYTES - 1024);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(image);
    const statuses = await statusesOf(
      Array.from({ length: AT_ONCE }, () =>
        uploader.agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(image),
      ),
    );
    const fit = Math.floor(UPLOAD_LIMITS.storedBytes / image.length);
    expect(statuses.filter((status) => status === 201)).toHaveLength(fit);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 413)).toBe(true);
    const [{ stored }] = await prisma.$queryRaw<[{ stored: number }]>`
      SELECT COALESCE(SUM(octet_length("bytes")), 0)::float8 AS "stored" FROM "Upload" WHERE "ownerId" = ${uploader.user.id}`;
    expect(stored).toBeLessThanOrEqual(UPLOAD_LIMITS.storedBytes);
  });

  it('every other delete and toggle ×20: 2xx or 404, never 5xx', async () => {
    const owner = await signedInAgent(app, 'doubler');
    const other = await signedInAgent(app, 'target');
    const message = await owner.agent.post(`/api/chat/${owner.user.id}/messages`).send({ body: 'delete me' }).expect(201);
    await owner.agent.post(`/api/chat/${owner.user.id}/moderators`).send({ userId: other.user.id }).expect(201);
    const rounds: Array<[string, () => PromiseLike<{ status: number }>]> = [
      ['DELETE chat message', () => owner.agent.delete(`/api/chat/${owner.user.id}/messages/${message.body.message.id}`)],
      ['DELETE moderator', () => owner.agent.delete(`/api/chat/${owner.user.id}/moderators/${other.user.id}`)],
      ['DELETE pin', () => owner.agent.delete(`/api/chat/${owner.user.id}/pin`)],
      ['POST follow', () => owner.agent.post(`/api/users/${other.user.username}/follow`).send({})],
      ['DELETE follow', () => owner.agent.delete(`/api/users/${other.user.username}/follow`).send({})],
      ['PUT mute', () => owner.agent.put(`/api/notifications/mutes/${other.user.username}`).send({})],
      ['DELETE mute', () => owner.agent.delete(`/api/notifications/mutes/${other.user.username}`).send({})],
      ['PUT reminder', () => owner.agent.put(`/api/notifications/reminders/${other.user.username}`).send({})],
      ['DELETE reminder', () => owner.agent.delete(`/api/notifications/reminders/${other.user.username}`).send({})],
      ['POST block', () => owner.agent.post(`/api/users/${other.user.username}/block`).send({})],
      ['DELETE block', () => owner.agent.delete(`/api/users/${other.user.username}/block`).send({})],
      ['DELETE schedule', () => owner.agent.delete('/api/stream/schedule')],
      ['POST creator access', () => owner.agent.post('/api/creator-access').send({ note: 'please' })],
    ];
    for (const [name, send] of rounds) {
      const statuses = await statusesOf(Array.from({ length: AT_ONCE }, send));
      expect(
        statuses.filter((status) => status >= 500 || (status >= 400 && status !== 404)),
        name,
      ).toEqual([]);
    }
  });

  it('an admin deciding a request ×20 (two admins at once, a double click): every answer 200', async () => {
    const admin = await signedInAgent(app, 'deciding');
    await grantAdmin(admin.user.username);
    const creator = await signedInAgent(app, 'asking');
    await creator.agent.post('/api/creator-access').send({ note: 'let me stream' }).expect(200);
    const statuses = await statusesOf(
      Array.from({ length: AT_ONCE }, () =>
        admin.agent.post(`/api/admin/creator-requests/${creator.user.id}/decision`).send({ decision: 'APPROVED' }),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('a live picture while the recorder rewrites its list of pictures', () => {
  it('answers 404 "no picture yet" for a half-written manifest, never 500', async () => {
    const host = await signedInAgent(app, 'halfway', { recorded: true });
    const { replayId } = await recordedBroadcast(host.user.id, { status: 'RECORDING' });
    const replay = await prisma.replay.findUniqueOrThrow({ where: { id: replayId } });
    await prisma.streamSession.update({ where: { id: replay.sessionId }, data: { endedAt: null } });
    fs.writeFileSync(path.join(env.RECORDINGS_DIR, `${replay.snapshotPrefix}.json`), '{"images":[{"name":"snapsh');
    const response = await request(app).get(`/api/recordings/channels/${host.user.username}/snapshot.jpg?v=1`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });
});
