import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../app.ts';

const app = createApp();

describe('errors are JSON with a code and a sentence', () => {
  it('answers an unknown API route with 404 JSON', async () => {
    const response = await request(app).get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/api/no-such-thing') });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await request(app).post('/api/viewer/token').set('Content-Type', 'application/json').send('{"username": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await request(app)
      .post('/api/viewer/token')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(200_000) }));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
