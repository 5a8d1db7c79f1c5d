import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { TokenVerifier } from 'livekit-server-sdk';
import { viewerSourceOf } from '@streamhouse/contract';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { createTestUser } from '../../test/fixtures.ts';

const app = createApp();
const verifier = new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);

describe('where a viewer came from (the watch page sends it with the token request)', () => {
  it.each([
    [undefined, 'DIRECT'],
    ['/', 'HOME'],
    ['/search', 'SEARCH'],
    ['/following', 'FOLLOWING'],
    ['/Demo_Alice', 'PROFILE'],
    ['/dashboard', undefined],
    ['/settings', undefined],
    ['/demo_alice/replays/1', undefined],
    ['/demo_bob/live', undefined],
  ] as const)('from %s: %s', (from, source) => {
    expect(viewerSourceOf(from)).toBe(source);
  });
});

describe('POST /api/viewer/token', () => {
  it('gives a guest a subscribe-only token for the host room, with the same identity in token and response', async () => {
    const host = await createTestUser('host');
    const response = await request(app)
      .post('/api/viewer/token')
      .send({ username: host.displayUsername.toUpperCase(), guestName: 'Night Owl' });
    expect(response.status).toBe(200);
    expect(response.body.identity).toMatch(/^guest-\d{13}-[0-9a-f]{8}$/);
    expect(response.body.name).toBe('Night Owl');
    expect(response.body.wsUrl).toBe(env.LIVEKIT_URL);

    const claims = await verifier.verify(response.body.token);
    expect(claims.sub).toBe(response.body.identity);
    expect(claims.video).toMatchObject({
      room: host.id,
      roomJoin: true,
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    });
  });

  it('finds the host by id as well as by username', async () => {
    const host = await createTestUser('host');
    const response = await request(app).post('/api/viewer/token').send({ hostId: host.id });
    expect(response.status).toBe(200);
    expect((await verifier.verify(response.body.token)).video?.room).toBe(host.id);
  });

  it("carries where the viewer came from in the token's metadata, for the join webhook", async () => {
    const host = await createTestUser('host');
    const response = await request(app).post('/api/viewer/token').send({ username: host.displayUsername, source: 'SEARCH' });
    expect(response.status).toBe(200);
    expect(JSON.parse((await verifier.verify(response.body.token)).metadata!)).toEqual({ role: 'guest', source: 'SEARCH' });
    const without = await request(app).post('/api/viewer/token').send({ username: host.displayUsername });
    expect(JSON.parse((await verifier.verify(without.body.token)).metadata!)).toEqual({ role: 'guest' });
  });

  it('answers 404 for a creator that does not exist', async () => {
    const response = await request(app).post('/api/viewer/token').send({ username: 'nobody_here_at_all' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it.each([
    ['neither hostId nor username', {}],
    ['both hostId and username', { hostId: 'a', username: 'b' }],
    ['a room chosen by the client', { username: 'someone', room: 'another-room' }],
    ['a guest name with markup', { username: 'someone', guestName: '<script>' }],
    ['a guest name that is too long', { username: 'someone', guestName: 'x'.repeat(40) }],
    ['an unknown source', { username: 'someone', source: 'NEWSLETTER' }],
  ])('refuses %s with 400', async (_label, body) => {
    const response = await request(app).post('/api/viewer/token').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('creator tokens need a session', () => {
  it.each(['/api/stream/publisher-token', '/api/stream/creator-token'])('%s answers 401 to an anonymous caller', async (path) => {
    const response = await request(app).post(path).send({});
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});
