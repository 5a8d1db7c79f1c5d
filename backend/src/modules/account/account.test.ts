import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../../test/fixtures.ts';
import { linkIn, mailsTo, waitForMail } from '../../test/mailpit.ts';
import { EMAIL_LIMITS } from './email.service.ts';
import { PASSWORD_RESET_LIMITS } from './password-reset.service.ts';
import { SIGN_IN_LIMITS } from '../auth/sign-in-limit.service.ts';

const app = createApp();
const PASSWORD = 'correct-horse-battery';
const site = (path: string) => new URL(path, env.PUBLIC_URL).toString();

/** A second browser signing in to the same account. */
async function signInAgain(
  username: string,
  password = PASSWORD,
  userAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile/15E148 Safari/604.1',
) {
  const agent = request.agent(app);
  const response = await agent
    .post('/api/auth/sign-in/username')
    .set('Origin', env.PUBLIC_URL)
    .set('X-Forwarded-For', testClientIp())
    .set('User-Agent', userAgent)
    .send({ username, password });
  return { agent, response };
}

const post = (agent: request.Agent | ReturnType<typeof request>, path: string, body: object = {}) =>
  agent.post(path).set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', testClientIp()).send(body);

const askForReset = (login: string, ip = testClientIp()) =>
  request(app).post('/api/account/password-reset').set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', ip).send({ login });

describe('forgot password', () => {
  it('mails a single-use link that sets a new password, ends every session, and tells the owner', async () => {
    const { agent, user } = await signedInAgent(app, 'forgetful');
    expect((await agent.get('/api/account/sessions')).status).toBe(200);

    const asked = await askForReset(user.username.toUpperCase());
    expect(asked.status).toBe(202);
    const mail = await waitForMail(user.email, /Reset your Streamhouse password/);
    expect(mail.subject).not.toMatch(/token|http/i);
    expect(mail.html).toContain('Choose a new password');
    const link = linkIn(mail, site('/account/reset-password'));
    const token = link.searchParams.get('token')!;

    const reset = await post(request(app), '/api/auth/reset-password', { token, newPassword: 'a-brand-new-secret' });
    expect(reset.status).toBe(200);
    // The old session was cached on this instance a moment ago: it ends anyway.
    expect((await agent.get('/api/account/sessions')).status).toBe(401);
    expect((await signInAgain(user.username)).response.status).toBe(401);
    expect((await signInAgain(user.username, 'a-brand-new-secret')).response.status).toBe(200);
    await waitForMail(user.email, /password was changed/);

    const again = await post(request(app), '/api/auth/reset-password', { token, newPassword: 'yet-another-secret' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });

  it('answers the same for an email address, a username and nobody', async () => {
    const { user } = await signedInAgent(app, 'known');
    const byEmail = await askForReset(user.email);
    const byNobody = await askForReset('nobody_here_at_all');
    const byUnknownEmail = await askForReset('nobody@example.test');
    for (const answer of [byEmail, byNobody, byUnknownEmail]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(byEmail.body);
    }
    await waitForMail(user.email, /Reset your Streamhouse password/);
  });

  it('limits requests per account (the same way for unknown names) and per network', async () => {
    const { user } = await signedInAgent(app, 'flooded');
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAccount.limit; index++)
      expect((await askForReset(user.username)).status).toBe(202);
    const refused = await askForReset(user.username);
    expect(refused.status).toBe(429);
    expect(refused.body.retryAfterMs).toBeGreaterThan(0);
    expect(refused.headers['retry-after']).toBeDefined();

    const unknown = `ghost_${Date.now()}`;
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAccount.limit; index++)
      expect((await askForReset(unknown)).status).toBe(202);
    expect((await askForReset(unknown)).status).toBe(429);

    const ip = testClientIp();
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perIp.limit; index++)
      await askForReset(`someone_${index}_${Date.now()}`, ip);
    expect((await askForReset(`one_more_${Date.now()}`, ip)).status).toBe(429);
  });

  it('refuses a wrong token, and bad input with a 400', async () => {
    const wrong = await post(request(app), '/api/auth/reset-password', { token: 'not-a-token', newPassword: 'long-enough-pw' });
    expect(wrong.status).toBe(400);
    expect((await askForReset('')).status).toBe(400);
    expect((await post(request(app), '/api/account/password-reset', { login: 'x', extra: 1 })).status).toBe(400);
  });
});

describe('email confirmation', () => {
  it('mails a link at sign-up that confirms the address and lands on the settings page', async () => {
    const { agent, user } = await signedInAgent(app, 'confirmer');
    const mail = await waitForMail(user.email, /Confirm your email address/);
    const link = linkIn(mail, site('/api/auth/verify-email'));
    const followed = await agent.get(link.pathname + link.search);
    expect(followed.status).toBe(302);
    expect(followed.headers.location).toBe('/settings?email=confirmed');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true);

    const resend = await post(agent, '/api/account/email-confirmation');
    expect(resend.status).toBe(409);
  });

  it('sends the link again on request, a few times an hour', async () => {
    const { agent, user } = await signedInAgent(app, 'resender');
    await waitForMail(user.email, /Confirm your email address/);
    for (let index = 0; index < EMAIL_LIMITS.resendConfirmation.limit; index++)
      expect((await post(agent, '/api/account/email-confirmation')).status).toBe(202);
    expect((await post(agent, '/api/account/email-confirmation')).status).toBe(429);
    expect((await mailsTo(user.email)).filter((mail) => /Confirm your email/.test(mail.subject)).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('lands on the settings page with an error for a broken link', async () => {
    const followed = await request(app).get('/api/auth/verify-email?token=broken&callbackURL=%2Fsettings%3Femail%3Dconfirmed');
    expect(followed.status).toBe(302);
    expect(followed.headers.location).toMatch(/^\/settings\?email=confirmed&error=/);
  });
});

describe('changing the email address', () => {
  it('changes an unconfirmed address at once and sends the new one a link', async () => {
    const { agent, user } = await signedInAgent(app, 'mover');
    const newEmail = `moved_${Date.now()}@example.test`;
    const changed = await post(agent, '/api/account/email', { email: newEmail });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('changed');
    await waitForMail(newEmail, /Confirm your email address/);
    const session = await agent.get('/api/auth/get-session');
    expect(session.body.user.email).toBe(newEmail);
    await prisma.user.update({ where: { id: user.id }, data: { email: user.email } });
  });

  it('changes a confirmed address only once the new one confirms, and tells the old one', async () => {
    const { agent, user } = await signedInAgent(app, 'careful');
    await prisma.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    const newEmail = `careful_${Date.now()}@example.test`;
    const asked = await post(agent, '/api/account/email', { email: newEmail });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('confirming');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const told = await waitForMail(user.email, /email address is being changed/);
    expect(told.text).toContain(newEmail);

    const link = linkIn(await waitForMail(newEmail, /Confirm your email address/), site('/api/auth/verify-email'));
    expect((await agent.get(link.pathname + link.search)).status).toBe(302);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ email: newEmail, emailVerified: true });
    // Every signed-in request sees the new address at once (the session cache was dropped).
    expect((await agent.get('/api/auth/get-session')).body.user.email).toBe(newEmail);
    await prisma.user.update({ where: { id: user.id }, data: { email: user.email } });
  });

  it('refuses the same address and a non-address', async () => {
    const { agent, user } = await signedInAgent(app, 'same');
    expect((await post(agent, '/api/account/email', { email: user.email })).status).toBe(400);
    expect((await post(agent, '/api/account/email', { email: 'not an address' })).status).toBe(400);
    expect((await post(request(app), '/api/account/email', { email: 'a@example.test' })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('lists the account’s sessions by device, and signs one out everywhere at once', async () => {
    const { agent, user } = await signedInAgent(app, 'traveller');
    const phone = await signInAgain(user.username);
    expect((await phone.agent.get('/api/account/sessions')).status).toBe(200);

    const listed = await agent.get('/api/account/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(2);
    const current = listed.body.sessions.find((session: { current: boolean }) => session.current);
    const other = listed.body.sessions.find((session: { current: boolean }) => !session.current);
    expect(other.device).toBe('Safari on iOS');
    expect(current).toBeDefined();

    const ended = await agent.delete(`/api/account/sessions/${other.id}`).set('Origin', env.PUBLIC_URL);
    expect(ended.status).toBe(204);
    expect((await phone.agent.get('/api/account/sessions')).status).toBe(401);
    const twice = await agent.delete(`/api/account/sessions/${other.id}`).set('Origin', env.PUBLIC_URL);
    expect(twice.status).toBe(404);
  });

  it('never ends someone else’s session', async () => {
    const owner = await signedInAgent(app, 'owner');
    const stranger = await signedInAgent(app, 'stranger');
    const ownerSession = (await owner.agent.get('/api/account/sessions')).body.sessions[0].id;
    const attempt = await stranger.agent.delete(`/api/account/sessions/${ownerSession}`).set('Origin', env.PUBLIC_URL);
    expect(attempt.status).toBe(404);
    expect((await owner.agent.get('/api/account/sessions')).status).toBe(200);
  });

  it('signs out every other session, keeping this one', async () => {
    const { agent, user } = await signedInAgent(app, 'cleaner');
    const others = [await signInAgain(user.username), await signInAgain(user.username)];
    const answer = await post(agent, '/api/account/sessions/end-others');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ended: 2 });
    for (const other of others) expect((await other.agent.get('/api/account/sessions')).status).toBe(401);
    expect((await agent.get('/api/account/sessions')).body.sessions).toHaveLength(1);
  });

  it('answers two identical sign-outs at once with 204 and 404, never 500', async () => {
    const { agent, user } = await signedInAgent(app, 'double');
    await signInAgain(user.username);
    const other = (await agent.get('/api/account/sessions')).body.sessions.find(
      (session: { current: boolean }) => !session.current,
    );
    const answers = await Promise.all(
      [1, 2].map(() => agent.delete(`/api/account/sessions/${other.id}`).set('Origin', env.PUBLIC_URL)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
  });
});

describe('changing the password', () => {
  it('needs the current one, tells the owner, and can sign out the other sessions', async () => {
    const { agent, user } = await signedInAgent(app, 'changer');
    const other = await signInAgain(user.username);
    const wrong = await post(agent, '/api/auth/change-password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a-new-password',
    });
    expect(wrong.status).toBe(400);
    const changed = await post(agent, '/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-password',
      revokeOtherSessions: true,
    });
    expect(changed.status).toBe(200);
    expect((await other.agent.get('/api/account/sessions')).status).toBe(401);
    expect((await agent.get('/api/account/sessions')).status).toBe(200);
    await waitForMail(user.email, /password was changed/);
  });
});

describe('password checks while signed in count like sign-ins', () => {
  it.each([
    ['/api/auth/change-password', (password: string) => ({ currentPassword: password, newPassword: 'a-new-password' })],
    ['/api/auth/two-factor/enable', (password: string) => ({ password })],
    ['/api/auth/two-factor/get-totp-uri', (password: string) => ({ password })],
  ])('%s: a stolen session cannot guess the password without limit', async (path, body) => {
    const { agent, user } = await signedInAgent(app, 'guessed');
    const ip = testClientIp();
    const attempt = (password: string) =>
      agent.post(path).set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', ip).send(body(password));
    const { limit } = SIGN_IN_LIMITS.perAccountAndIp;
    for (let guess = 0; guess < limit; guess++) expect((await attempt(`wrong-guess-${guess}`)).status).toBe(400);
    // Past the limit even the right password is refused, and so is a sign-in from that network.
    const refused = await attempt(PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const signIn = await request(app)
      .post('/api/auth/sign-in/username')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', ip)
      .send({ username: user.username, password: PASSWORD });
    expect(signIn.status).toBe(429);
    // The owner elsewhere is not locked out.
    expect((await signInAgain(user.username)).response.status).toBe(200);
  });

  it('the right password forgives the guesses made before it', async () => {
    const { agent } = await signedInAgent(app, 'forgiven');
    const ip = testClientIp();
    const change = (currentPassword: string, newPassword: string) =>
      agent
        .post('/api/auth/change-password')
        .set('Origin', env.PUBLIC_URL)
        .set('X-Forwarded-For', ip)
        .send({ currentPassword, newPassword });
    const { limit } = SIGN_IN_LIMITS.perAccountAndIp;
    for (let guess = 0; guess < limit - 1; guess++)
      expect((await change(`wrong-guess-${guess}`, 'x-new-password')).status).toBe(400);
    expect((await change(PASSWORD, 'second-password')).status).toBe(200);
    for (let guess = 0; guess < limit - 1; guess++)
      expect((await change(`wrong-again-${guess}`, 'x-new-password')).status).toBe(400);
    expect((await change('second-password', 'third-password')).status).toBe(200);
  });
});

describe("better-auth's own account endpoints", () => {
  it.each([
    ['/api/auth/request-password-reset', { email: 'a@example.test' }],
    ['/api/auth/send-verification-email', { email: 'a@example.test' }],
    ['/api/auth/change-email', { newEmail: 'a@example.test' }],
    ['/api/auth/revoke-other-sessions', {}],
    ['/api/auth/revoke-sessions', {}],
    ['/api/auth/delete-user', {}],
  ])('are not served over HTTP: %s (ours apply the limits)', async (path, body) => {
    const { agent } = await signedInAgent(app, 'prober');
    expect((await post(agent, path, body)).status).toBe(404);
  });

  it('does not list sessions with their tokens', async () => {
    const { agent } = await signedInAgent(app, 'lister');
    expect((await agent.get('/api/auth/list-sessions')).status).toBe(404);
    const ours = await agent.get('/api/account/sessions');
    expect(JSON.stringify(ours.body)).not.toMatch(/token/i);
  });
});
