import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';

// This file runs with creator approval required (config is read once, at import, hence the dynamic imports).
process.env.REQUIRE_CREATOR_APPROVAL = 'true';
const { createApp } = await import('../../app.ts');
const { ingressClient } = await import('../../lib/livekit.ts');
const { signedInAgent } = await import('../../test/fixtures.ts');
const { grantAdmin } = await import('./admin.service.ts');
const { ingressEvent, postWebhook, roomEvent, signWebhook } = await import('../live/live.test-support.ts');

const app = createApp();
const SOME_ID = '00000000-0000-4000-8000-000000000000';

async function adminAgent() {
  const admin = await signedInAgent(app, 'admin');
  await grantAdmin(admin.user.username);
  return admin;
}

const ADMIN_ROUTES = [
  ['get', '/api/admin/creator-requests'],
  ['get', '/api/admin/creator-requests?status=DECLINED'],
  ['post', `/api/admin/creator-requests/${SOME_ID}/decision`],
] as const;

describe('admin routes are for admins only', () => {
  it.each(ADMIN_ROUTES)('%s %s: 401 signed out, 403 for a signed-in non-admin', async (method, path) => {
    const body = { decision: 'APPROVED' };
    expect((await request(app)[method](path).send(body)).status).toBe(401);
    const { agent } = await signedInAgent(app, 'plain');
    const response = await agent[method](path).send(body);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('a grant (pnpm admin:grant) makes an existing account an admin without signing in again', async () => {
    const { agent, user } = await signedInAgent(app, 'promoted');
    expect((await agent.get('/api/admin/creator-requests')).status).toBe(403);
    expect((await agent.get('/api/creator-access/admin')).body).toEqual({ isAdmin: false });
    await grantAdmin(user.displayUsername);
    expect((await agent.get('/api/admin/creator-requests')).status).toBe(200);
    expect((await agent.get('/api/creator-access/admin')).body).toEqual({ isAdmin: true });
    await expect(grantAdmin('no_such_user_here')).rejects.toThrow(/No user named/);
  });
});

describe('creator approval (REQUIRE_CREATOR_APPROVAL=true)', () => {
  it('request → admin approves → the creator can create a key at once, in the same session', async () => {
    const { agent: creator, user } = await signedInAgent(app, 'hopeful');
    const { agent: admin } = await adminAgent();

    const refused = await creator.post('/api/stream/ingress').send({ type: 'RTMP' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'NOT_ELIGIBLE', message: expect.stringContaining('approval') });
    expect((await creator.get('/api/creator-access')).body).toEqual({ required: true, approved: false, request: null });

    const asked = await creator.post('/api/creator-access').send({ note: 'Cooking streams,\nthree nights a week.' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      required: true,
      approved: false,
      request: { status: 'PENDING', note: 'Cooking streams,\nthree nights a week.', reason: null },
    });

    const pending = await admin.get('/api/admin/creator-requests');
    expect(pending.status).toBe(200);
    const item = pending.body.items.find((each: { userId: string }) => each.userId === user.id);
    expect(item).toMatchObject({
      username: user.displayUsername,
      status: 'PENDING',
      followerCount: 0,
      note: expect.stringContaining('Cooking'),
    });

    const decided = await admin
      .post(`/api/admin/creator-requests/${user.id}/decision`)
      .send({ decision: 'APPROVED', reason: 'Welcome!' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      userId: user.id,
      status: 'APPROVED',
      reason: 'Welcome!',
      decidedAt: expect.any(String),
    });

    expect((await creator.get('/api/stream/eligibility')).body).toMatchObject({ eligible: true });
    expect((await creator.post('/api/stream/ingress').send({ type: 'RTMP' })).status).toBe(201);
    expect((await creator.get('/api/creator-access')).body).toMatchObject({
      approved: true,
      request: { status: 'APPROVED', reason: 'Welcome!' },
    });
    expect((await creator.post('/api/creator-access').send({})).status).toBe(409);
  });

  it('a declined creator sees the reason, cannot create an ingress or publish, and may ask again', async () => {
    const { agent: creator, user } = await signedInAgent(app, 'declined');
    const { agent: admin } = await adminAgent();
    await creator.post('/api/creator-access').send({}).expect(200);

    const noReason = await admin.post(`/api/admin/creator-requests/${user.id}/decision`).send({ decision: 'DECLINED' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');

    await admin
      .post(`/api/admin/creator-requests/${user.id}/decision`)
      .send({ decision: 'DECLINED', reason: 'Tell us what you will stream.' })
      .expect(200);
    expect((await creator.get('/api/creator-access')).body).toMatchObject({
      approved: false,
      request: { status: 'DECLINED', reason: 'Tell us what you will stream.', decidedAt: expect.any(String) },
    });
    expect((await creator.post('/api/stream/ingress').send({ type: 'WHIP' })).status).toBe(403);
    expect((await creator.post('/api/stream/publisher-token').send({})).status).toBe(403);
    expect(await ingressClient.listIngress({ roomName: user.id })).toHaveLength(0);
    const declined = await admin.get('/api/admin/creator-requests?status=DECLINED');
    expect(declined.body.items.map((each: { userId: string }) => each.userId)).toContain(user.id);

    const again = await creator.post('/api/creator-access').send({ note: 'Woodworking.' });
    expect(again.body.request).toMatchObject({ status: 'PENDING', note: 'Woodworking.', reason: null, decidedAt: null });
  });

  it('declining an approved creator revokes the approval at once', async () => {
    const { agent: creator, user } = await signedInAgent(app, 'revoked');
    const { agent: admin } = await adminAgent();
    await creator.post('/api/creator-access').send({}).expect(200);
    await admin.post(`/api/admin/creator-requests/${user.id}/decision`).send({ decision: 'APPROVED' }).expect(200);
    expect((await creator.get('/api/stream/eligibility')).body.eligible).toBe(true);
    await admin
      .post(`/api/admin/creator-requests/${user.id}/decision`)
      .send({ decision: 'DECLINED', reason: 'Spam.' })
      .expect(200);
    expect((await creator.get('/api/stream/eligibility')).body.eligible).toBe(false);
  });

  it('validates: unknown request 404, bad id or decision 400, over-long note 400', async () => {
    const { agent: admin } = await adminAgent();
    expect((await admin.post(`/api/admin/creator-requests/${SOME_ID}/decision`).send({ decision: 'APPROVED' })).status).toBe(404);
    expect(
      (await admin.post(`/api/admin/creator-requests/${'x'.repeat(65)}/decision`).send({ decision: 'APPROVED' })).status,
    ).toBe(400);
    const { agent: creator, user } = await signedInAgent(app, 'valid');
    await creator.post('/api/creator-access').send({}).expect(200);
    expect((await admin.post(`/api/admin/creator-requests/${user.id}/decision`).send({ decision: 'MAYBE' })).status).toBe(400);
    expect((await creator.post('/api/creator-access').send({ note: 'x'.repeat(501) })).status).toBe(400);
    expect((await admin.get('/api/admin/creator-requests?status=LOST')).status).toBe(400);
  });
});

describe('revoking an approved creator', () => {
  it('ends everything at once: the key stops working, the publisher leaves the room, the stream goes offline', async () => {
    const { agent: creator, user } = await signedInAgent(app, 'revoked');
    const { agent: admin } = await adminAgent();
    await creator.post('/api/creator-access').send({}).expect(200);
    await admin.post(`/api/admin/creator-requests/${user.id}/decision`).send({ decision: 'APPROVED' }).expect(200);

    // Live from the browser (a real publisher in the room), with an RTMP key made while approved.
    await creator.post('/api/stream/ingress').send({ type: 'RTMP' }).expect(201);
    const publisherPass = (await creator.post('/api/stream/publisher-token').send({}).expect(200)).body as {
      token: string;
      wsUrl: string;
    };
    const publisher = new Room();
    const removed = new Promise<void>((resolve) => publisher.once(RoomEvent.Disconnected, () => resolve()));
    await publisher.connect(publisherPass.wsUrl, publisherPass.token, { autoSubscribe: false, dynacast: false });
    const started = await signWebhook(roomEvent('track_published', user.id, user.id));
    expect((await postWebhook(app, started)).body).toEqual({ outcome: 'applied' });
    expect((await creator.get('/api/stream/status')).body).toMatchObject({ isLive: true });

    await admin
      .post(`/api/admin/creator-requests/${user.id}/decision`)
      .send({ decision: 'DECLINED', reason: 'Broke the rules.' })
      .expect(200);
    await removed;
    expect((await creator.get('/api/stream/status')).body).toMatchObject({ isLive: false });
    expect(await ingressClient.listIngress({ roomName: user.id })).toHaveLength(0);
    expect((await creator.get('/api/stream/credentials')).body).toEqual({ serverUrl: null, streamKey: null, type: null });

    // Its unexpired token, or LiveKit reporting it publishing again, never puts it back on the air.
    const again = await signWebhook(roomEvent('track_published', user.id, user.id));
    expect((await postWebhook(app, again)).body).toEqual({ outcome: 'refused' });
    const ingress = await signWebhook(ingressEvent('ingress_started', user.id));
    expect((await postWebhook(app, ingress)).body).toEqual({ outcome: 'refused' });
    expect((await creator.get('/api/stream/status')).body).toMatchObject({ isLive: false });
    expect((await creator.post('/api/stream/publisher-token').send({})).body).toMatchObject({ reason: 'NOT_ELIGIBLE' });
    await dispose();
  });
});
