import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../../test/fixtures.ts';

const app = createApp();
const site = new URL(env.PUBLIC_URL);

const post = (agent: request.Agent | ReturnType<typeof request>, path: string, body: object = {}, ip = testClientIp()) =>
  agent.post(path).set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', ip).send(body);

// The full ceremonies (a real authenticator creating and using a key) are the passkey journey in e2e, with
// Chromium's virtual authenticator. These check what surrounds them.
describe('passkeys', () => {
  it('asks for a passkey this site owns, that the person unlocks, and not one the account already has', async () => {
    const { agent, user } = await signedInAgent(app, 'keyholder');
    await prisma.passkey.create({
      data: { userId: user.id, name: 'Old key', credentialId: 'existing-credential', publicKey: Buffer.from('k') },
    });
    const answer = await post(agent, '/api/account/passkeys/registration-options');
    expect(answer.status).toBe(200);
    expect(answer.body.options).toMatchObject({
      rp: { id: site.hostname, name: 'Streamhouse' },
      user: { name: user.displayUsername },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [{ id: 'existing-credential' }],
    });
    expect(answer.body.challengeId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses each challenge once, and never another account’s', async () => {
    const owner = await signedInAgent(app, 'owner');
    const other = await signedInAgent(app, 'other');
    const { challengeId } = (await post(owner.agent, '/api/account/passkeys/registration-options')).body;
    const bogus = { challengeId, name: 'Mine', response: { id: 'abc', type: 'public-key', rawId: 'abc', response: {} } };
    // Another account cannot answer the owner's challenge (it is not theirs: refused, and left for the owner).
    expect((await post(other.agent, '/api/account/passkeys', bogus)).status).toBe(400);
    // The owner's answer is checked (this one is not a real key), and the challenge is gone afterwards.
    const checked = await post(owner.agent, '/api/account/passkeys', bogus);
    expect(checked.status).toBe(400);
    expect(checked.body.message).toMatch(/could not be checked/);
    const again = await post(owner.agent, '/api/account/passkeys', bogus);
    expect(again.body.message).toMatch(/expired/);
    expect(await prisma.passkey.count({ where: { userId: owner.user.id } })).toBe(0);
  });

  it('lists and removes only the caller’s own passkeys', async () => {
    const owner = await signedInAgent(app, 'lister');
    const stranger = await signedInAgent(app, 'stranger');
    const key = await prisma.passkey.create({
      data: { userId: owner.user.id, name: 'Laptop', credentialId: `cred-${owner.user.id}`, publicKey: Buffer.from('k') },
    });
    expect((await owner.agent.get('/api/account/passkeys')).body.passkeys).toMatchObject([
      { id: key.id, name: 'Laptop', lastUsedAt: null },
    ]);
    expect((await stranger.agent.get('/api/account/passkeys')).body.passkeys).toEqual([]);
    expect((await stranger.agent.delete(`/api/account/passkeys/${key.id}`).set('Origin', env.PUBLIC_URL)).status).toBe(404);
    const removed = await Promise.all(
      [1, 2].map(() => owner.agent.delete(`/api/account/passkeys/${key.id}`).set('Origin', env.PUBLIC_URL)),
    );
    expect(removed.map((answer) => answer.status).sort()).toEqual([204, 404]);
  });

  it('refuses a sign-in with an unknown passkey, or an expired challenge, with 401', async () => {
    const { challengeId } = (await post(request(app), '/api/account/passkeys/sign-in-options')).body;
    const unknown = await post(request(app), '/api/auth/passkey/sign-in', {
      challengeId,
      response: { id: 'no-such-credential', rawId: 'x', type: 'public-key', response: {} },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('PASSKEY_FAILED');
    const reused = await post(request(app), '/api/auth/passkey/sign-in', {
      challengeId,
      response: { id: 'x', type: 'public-key' },
    });
    expect(reused.status).toBe(401);
  });

  it('limits sign-in challenges per network', async () => {
    const ip = testClientIp();
    const statuses = await Promise.all(
      Array.from({ length: 31 }, () =>
        post(request(app), '/api/account/passkeys/sign-in-options', {}, ip).then((answer) => answer.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses).toContain(429);
  });
});
