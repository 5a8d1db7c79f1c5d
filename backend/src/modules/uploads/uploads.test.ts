import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { UPLOAD_LIMITS, collectOrphanUploads } from './uploads.service.ts';

const app = createApp();
// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('image uploads', () => {
  it('stores an image for a signed-in user and serves it back with its real type', async () => {
    const { agent } = await signedInAgent(app, 'uploader');
    const created = await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);

    const served = await request(app).get(created.body.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
  });

  it('refuses anonymous uploads with 401', async () => {
    const response = await request(app).post('/api/uploads').set('Content-Type', 'image/png').send(PNG);
    expect(response.status).toBe(401);
  });

  it('refuses a file that is not an image, whatever its Content-Type says, with 415', async () => {
    const { agent } = await signedInAgent(app, 'uploader');
    const response = await agent.post('/api/uploads').set('Content-Type', 'image/png').send(Buffer.from('<svg onload=alert(1)>'));
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('PNG') });
  });

  it('refuses an image over 2 MB with 413', async () => {
    const { agent } = await signedInAgent(app, 'uploader');
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const response = await agent.post('/api/uploads').set('Content-Type', 'image/png').send(big);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await request(app).get('/api/uploads/not-a-uuid')).status).toBe(400);
    expect((await request(app).get('/api/uploads/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('upload limits and unused images', () => {
  it(`allows ${UPLOAD_LIMITS.perHour} uploads an hour per user, then answers 429 with Retry-After`, async () => {
    const { agent } = await signedInAgent(app, 'uploader');
    for (let upload = 0; upload < UPLOAD_LIMITS.perHour; upload++) {
      expect((await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG)).status).toBe(201);
    }
    const refused = await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it(`keeps at most ${UPLOAD_LIMITS.storedBytes / 1024 / 1024} MB of images per user`, async () => {
    const { agent, user } = await signedInAgent(app, 'hoarder');
    const almostTwoMegabytes = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 - PNG.length - 1024)]);
    const fits = Math.floor(UPLOAD_LIMITS.storedBytes / almostTwoMegabytes.length);
    for (let upload = 0; upload < fits; upload++) {
      expect(
        (await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(almostTwoMegabytes)).status,
      ).toBe(201);
    }
    const refused = await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(almostTwoMegabytes);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'QUOTA',
      message: expect.stringMatching(/up to 20 MB/),
    });
    expect(await prisma.upload.count({ where: { ownerId: user.id } })).toBe(fits);
  });

  it('removes images nobody uses once they are an hour old, and keeps avatars, thumbnails and fresh uploads', async () => {
    const { agent, user } = await signedInAgent(app, 'collector');
    const upload = async () =>
      (await agent.post('/api/uploads').set('Content-Type', 'application/octet-stream').send(PNG)).body as {
        id: string;
        url: string;
      };
    const [avatar, thumbnail, unused, fresh] = [await upload(), await upload(), await upload(), await upload()];
    await agent.patch(`/api/users/${user.username}`).send({ image: avatar.url }).expect(200);
    await agent.put('/api/stream/info').send({ thumbnailUrl: thumbnail.url }).expect(200);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await prisma.upload.updateMany({
      where: { id: { in: [avatar.id, thumbnail.id, unused.id] } },
      data: { createdAt: twoHoursAgo },
    });

    await collectOrphanUploads();
    const left = (await prisma.upload.findMany({ where: { ownerId: user.id }, select: { id: true } })).map((row) => row.id);
    expect(left.sort()).toEqual([avatar.id, thumbnail.id, fresh.id].sort());
    expect((await request(app).get(unused.url)).status).toBe(404);
  });
});
