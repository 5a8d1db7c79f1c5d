import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../../test/fixtures.ts';
import { totpCode } from '../../test/totp.ts';

const app = createApp();
const PASSWORD = 'correct-horse-battery';

const post = (agent: request.Agent, path: string, body: object, ip = testClientIp()) =>
  agent.post(path).set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', ip).send(body);

/** A member with two-factor sign-in on: their agent, and the app's URI and backup codes. */
async function withTwoFactor(prefix: string) {
  const member = await signedInAgent(app, prefix);
  const setup = await post(member.agent, '/api/auth/two-factor/enable', { password: PASSWORD });
  expect(setup.status).toBe(200);
  const { totpURI, backupCodes } = setup.body as { totpURI: string; backupCodes: string[] };
  // Not on until a first code from the app proves it is set up.
  expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).twoFactorEnabled).toBe(false);
  const confirmed = await post(member.agent, '/api/auth/two-factor/verify-totp', { code: await totpCode(totpURI) });
  expect(confirmed.status).toBe(200);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).twoFactorEnabled).toBe(true);
  return { ...member, totpURI, backupCodes };
}

/** The password step of a sign-in, in a fresh browser. */
async function passwordStep(username: string, ip = testClientIp()) {
  const agent = request.agent(app);
  const answer = await post(agent, '/api/auth/sign-in/username', { username, password: PASSWORD }, ip);
  return { agent, answer };
}

const signedInAs = async (agent: request.Agent) => (await agent.get('/api/auth/get-session')).body?.user?.id ?? null;

describe('two-factor sign-in', () => {
  it('is set up with the password and a first code, then asks every new sign-in for a code', async () => {
    const member = await withTwoFactor('guarded');
    expect(member.backupCodes).toHaveLength(10);

    const { agent, answer } = await passwordStep(member.user.username);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ twoFactorRedirect: true });
    expect(await signedInAs(agent)).toBeNull();

    expect((await post(agent, '/api/auth/two-factor/verify-totp', { code: '000000' })).status).toBe(401);
    const done = await post(agent, '/api/auth/two-factor/verify-totp', { code: await totpCode(member.totpURI) });
    expect(done.status).toBe(200);
    expect(await signedInAs(agent)).toBe(member.user.id);
  });

  it('takes each backup code once', async () => {
    const member = await withTwoFactor('backup');
    const [code] = member.backupCodes;
    const first = await passwordStep(member.user.username);
    expect((await post(first.agent, '/api/auth/two-factor/verify-backup-code', { code })).status).toBe(200);
    expect(await signedInAs(first.agent)).toBe(member.user.id);
    const second = await passwordStep(member.user.username);
    expect((await post(second.agent, '/api/auth/two-factor/verify-backup-code', { code })).status).toBe(401);
    expect(await signedInAs(second.agent)).toBeNull();
  });

  it('gives one sign-in five tries at the code, then the password again', async () => {
    const member = await withTwoFactor('guessed');
    const { agent } = await passwordStep(member.user.username);
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await post(agent, '/api/auth/two-factor/verify-totp', { code: '123456' })).status).toBe(401);
    const late = await post(agent, '/api/auth/two-factor/verify-totp', { code: await totpCode(member.totpURI) });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(await signedInAs(agent)).toBeNull();
  });

  it('counts codes against the network like sign-ins', async () => {
    const ip = testClientIp();
    const codes = Array.from({ length: 51 }, () =>
      post(request.agent(app), '/api/auth/two-factor/verify-totp', { code: '123456' }, ip).then((answer) => answer.status),
    );
    const statuses = await Promise.all(codes);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it('turns off with the password, and sign-in needs no code again', async () => {
    const member = await withTwoFactor('relaxed');
    expect((await post(member.agent, '/api/auth/two-factor/disable', { password: 'wrong-password' })).status).toBe(400);
    const off = await post(member.agent, '/api/auth/two-factor/disable', { password: PASSWORD });
    expect(off.status).toBe(200);
    const { agent, answer } = await passwordStep(member.user.username);
    expect(answer.body.twoFactorRedirect).toBeUndefined();
    expect(await signedInAs(agent)).toBe(member.user.id);
  });

  it('replaces the backup codes with the password', async () => {
    const member = await withTwoFactor('renewed');
    const renewed = await post(member.agent, '/api/auth/two-factor/generate-backup-codes', { password: PASSWORD });
    expect(renewed.status).toBe(200);
    expect(renewed.body.backupCodes).toHaveLength(10);
    const old = await passwordStep(member.user.username);
    expect((await post(old.agent, '/api/auth/two-factor/verify-backup-code', { code: member.backupCodes[0] })).status).toBe(401);
  });

  it('needs a code as well as the password to delete the account', async () => {
    const member = await withTwoFactor('deleting');
    const remove = (body: object) => post(member.agent, '/api/account/delete', body);
    expect((await remove({ password: PASSWORD })).body.reason).toBe('CODE_NEEDED');
    expect((await remove({ password: PASSWORD, code: '000000' })).body.reason).toBe('WRONG_CODE');
    expect((await remove({ password: PASSWORD, code: await totpCode(member.totpURI) })).status).toBe(204);
    expect(await prisma.user.findUnique({ where: { id: member.user.id } })).toBeNull();
  });
});
