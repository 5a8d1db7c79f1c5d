import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { signedInAgent } from '../../test/fixtures.ts';

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
