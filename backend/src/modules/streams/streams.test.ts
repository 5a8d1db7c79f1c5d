import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { IngressVideoEncodingPreset } from 'livekit-server-sdk';
import { createApp } from '../../app.ts';
import { ingressClient } from '../../lib/livekit.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent } from '../../test/fixtures.ts';

const app = createApp();
// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const ingressesOf = (userId: string) => ingressClient.listIngress({ roomName: userId });

describe('every /api/stream route needs a session', () => {
  it.each([
    ['post', '/api/stream/ingress'],
    ['delete', '/api/stream/ingress'],
    ['get', '/api/stream/credentials'],
    ['get', '/api/stream/info'],
    ['put', '/api/stream/info'],
    ['get', '/api/stream/status'],
  ] as const)('%s %s answers 401 to an anonymous caller', async (method, path) => {
    const response = await request(app)[method](path).send({ type: 'RTMP', title: 'x' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('stream keys (real LiveKit ingress)', () => {
  it('creates an RTMP key with a simulcast ladder for the creator’s own room, shown only to its owner', async () => {
    const { agent, user } = await signedInAgent(app, 'rtmp');
    const created = await agent.post('/api/stream/ingress').send({ type: 'RTMP', quality: '1080p' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toEqual({
      ingressId: expect.stringMatching(/^IN_/),
      serverUrl: expect.stringMatching(/^rtmp:\/\//),
      streamKey: expect.any(String),
      type: 'RTMP',
    });

    const [ingress, ...others] = await ingressesOf(user.id);
    expect(others).toHaveLength(0);
    expect(ingress).toMatchObject({ ingressId: created.body.ingressId, roomName: user.id, participantIdentity: user.id });
    expect(ingress!.video?.encodingOptions).toEqual({
      case: 'preset',
      value: IngressVideoEncodingPreset.H264_1080P_30FPS_3_LAYERS,
    });

    const credentials = await agent.get('/api/stream/credentials');
    expect(credentials.status).toBe(200);
    expect(credentials.body).toEqual({ serverUrl: created.body.serverUrl, streamKey: created.body.streamKey, type: 'RTMP' });

    // Another signed-in user only ever sees their own (empty) credentials.
    const { agent: stranger } = await signedInAgent(app, 'stranger');
    const theirs = await stranger.get('/api/stream/credentials');
    expect(theirs.body).toEqual({ serverUrl: null, streamKey: null, type: null });
    expect(JSON.stringify(theirs.body)).not.toContain(created.body.streamKey);
  });

  it('uses 720p by default, and a new key replaces the old one (the old ingress is deleted)', async () => {
    const { agent, user } = await signedInAgent(app, 'rekey');
    const first = (await agent.post('/api/stream/ingress').send({ type: 'RTMP' })).body;
    const [ingress] = await ingressesOf(user.id);
    expect(ingress!.video?.encodingOptions).toEqual({
      case: 'preset',
      value: IngressVideoEncodingPreset.H264_720P_30FPS_3_LAYERS,
    });

    const second = await agent.post('/api/stream/ingress').send({ type: 'WHIP' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ type: 'WHIP', serverUrl: expect.stringMatching(/^https?:\/\//) });
    expect(second.body.streamKey).not.toBe(first.streamKey);
    const remaining = await ingressesOf(user.id);
    expect(remaining.map((item) => item.ingressId)).toEqual([second.body.ingressId]);
    expect(remaining[0]!.enableTranscoding).toBe(false);
  });

  it('resets: deletes the ingress and clears the key', async () => {
    const { agent, user } = await signedInAgent(app, 'reset');
    await agent.post('/api/stream/ingress').send({ type: 'RTMP' }).expect(201);
    const reset = await agent.delete('/api/stream/ingress');
    expect(reset.status).toBe(204);
    expect(await ingressesOf(user.id)).toHaveLength(0);
    expect((await agent.get('/api/stream/credentials')).body).toEqual({ serverUrl: null, streamKey: null, type: null });
    // Resetting again is harmless.
    expect((await agent.delete('/api/stream/ingress')).status).toBe(204);
  });

  it.each([
    ['no body', undefined],
    ['an unknown type', { type: 'SRT' }],
    ['a lower-case type', { type: 'rtmp' }],
    ['an unknown quality', { type: 'RTMP', quality: '4k' }],
    ['a quality for WHIP (passed through untouched)', { type: 'WHIP', quality: '720p' }],
    ['a room chosen by the client', { type: 'RTMP', roomName: 'someone-else' }],
  ])('refuses %s with 400 and keeps the current key', async (_label, body) => {
    const { agent } = await signedInAgent(app, 'badkey');
    const key = (await agent.post('/api/stream/ingress').send({ type: 'RTMP' })).body;
    const response = await agent.post('/api/stream/ingress').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((await agent.get('/api/stream/credentials')).body.streamKey).toBe(key.streamKey);
  });
});

describe('stream info', () => {
  it('starts empty, saves title, description and an uploaded thumbnail, and reads them back', async () => {
    const { agent } = await signedInAgent(app, 'info');
    expect((await agent.get('/api/stream/info')).body).toEqual({
      title: '',
      description: null,
      thumbnailUrl: null,
      category: null,
      tags: [],
    });

    const upload = (await agent.post('/api/uploads').set('Content-Type', 'image/png').send(PNG)).body;
    const saved = await agent
      .put('/api/stream/info')
      .send({ title: '  Night ride  ', description: 'Line one\r\nLine two', thumbnailUrl: upload.url });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      title: 'Night ride',
      description: 'Line one\nLine two',
      thumbnailUrl: upload.url,
      category: null,
      tags: [],
    });
    expect((await agent.get('/api/stream/info')).body).toEqual(saved.body);

    const partial = await agent.put('/api/stream/info').send({ thumbnailUrl: null, description: '' });
    expect(partial.body).toEqual({ title: 'Night ride', description: null, thumbnailUrl: null, category: null, tags: [] });
  });

  it("refuses someone else's upload as a thumbnail", async () => {
    const { agent: owner } = await signedInAgent(app, 'imgowner');
    const upload = (await owner.post('/api/uploads').set('Content-Type', 'image/png').send(PNG)).body;
    const { agent } = await signedInAgent(app, 'thief');
    const response = await agent.put('/api/stream/info').send({ thumbnailUrl: upload.url });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ path: 'thumbnailUrl', message: expect.stringContaining('upload') }]);
  });

  it.each([
    ['an empty body', {}],
    ['a title that is too long', { title: 'x'.repeat(141) }],
    ['a title with control characters', { title: 'hi\u0007' }],
    ['a description that is too long', { description: 'x'.repeat(2001) }],
    ['a thumbnail from elsewhere', { thumbnailUrl: 'https://evil.example/x.png' }],
    ['an unknown field', { title: 'ok', isLive: true }],
    ['a title that is not text', { title: 42 }],
  ])('refuses %s with 400 and keeps what was stored', async (_label, body) => {
    const { agent } = await signedInAgent(app, 'badinfo');
    await agent.put('/api/stream/info').send({ title: 'Kept' }).expect(200);
    const response = await agent.put('/api/stream/info').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((await agent.get('/api/stream/info')).body.title).toBe('Kept');
  });
});

describe('stream status', () => {
  it('is offline before anything happened, and live with viewers while live', async () => {
    const { agent, user } = await signedInAgent(app, 'status');
    expect((await agent.get('/api/stream/status')).body).toEqual({ isLive: false, viewerCount: 0, startedAt: null });
    const startedAt = new Date('2026-01-01T10:00:00Z');
    await prisma.stream.create({ data: { userId: user.id, isLive: true, viewerCount: 4, startedAt } });
    expect((await agent.get('/api/stream/status')).body).toEqual({
      isLive: true,
      viewerCount: 4,
      startedAt: startedAt.toISOString(),
    });
  });
});

describe('the stream key never leaks', () => {
  it('appears in no response but the owner’s credentials and key creation', async () => {
    const { agent, user } = await signedInAgent(app, 'secret');
    const { streamKey, ingressId } = (await agent.post('/api/stream/ingress').send({ type: 'RTMP' })).body;
    await prisma.stream.update({ where: { userId: user.id }, data: { isLive: true, title: 'Secret-free stream' } });
    const username = user.displayUsername;
    const calls = {
      'own info': agent.get('/api/stream/info'),
      'own status': agent.get('/api/stream/status'),
      'saving info': agent.put('/api/stream/info').send({ title: 'Secret-free stream' }),
      'channel (anonymous)': request(app).get(`/api/viewer/stream/${username}`),
      'channel (owner)': agent.get(`/api/viewer/stream/${username}`),
      'live list': request(app).get('/api/viewer/live?limit=50'),
      search: request(app).get(`/api/viewer/search?q=${username}`),
      profile: request(app).get(`/api/users/${username}`),
      recommended: request(app).get('/api/viewer/recommended?limit=50'),
    };
    for (const [label, call] of Object.entries(calls)) {
      const response = await call;
      expect(response.status, label).toBe(200);
      expect(response.text, label).not.toContain(streamKey);
      expect(response.text, label).not.toContain(ingressId);
    }
  });
});
