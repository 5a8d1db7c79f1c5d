import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { signedInAgent, testClientIp } from '../../test/fixtures.ts';
import { rawRequest } from '../../test/raw-request.ts';
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT } from './sign-in-limit.service.ts';

const app = createApp();
const PASSWORD = 'correct-horse-battery';

/** Each request comes from its own made-up address unless a test says otherwise. */
const clientIp = testClientIp;

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

function signUp(body: Record<string, unknown>, agent = request.agent(app)) {
  return agent.post('/api/auth/sign-up/email').set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', clientIp()).send(body);
}

function signUpBody(username: string) {
  return { username, email: `${username.toLowerCase()}@example.test`, password: PASSWORD, name: username };
}

function signIn(body: Record<string, unknown>, ip = clientIp(), agent = request.agent(app)) {
  return agent.post('/api/auth/sign-in/username').set('Origin', env.PUBLIC_URL).set('X-Forwarded-For', ip).send(body);
}

function sessionCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

async function sessionUser(app: ReturnType<typeof createApp>, cookie: string) {
  const response = await request(app).get('/api/auth/get-session').set('Cookie', cookie.split(';')[0]!);
  expect(response.status).toBe(200);
  return (response.body as { user?: { id: string } } | null)?.user ?? null;
}

describe('sign-up', () => {
  it('creates an account and a session in an httpOnly, SameSite=Lax cookie', async () => {
    const username = uniqueName('Night_Owl').slice(0, 24);
    const response = await signUp(signUpBody(username));
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: username.toLowerCase(), displayUsername: username });
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await sessionUser(app, cookie)).toMatchObject({ id: response.body.user.id });
  });

  it('refuses a username that differs from a taken one only in case', async () => {
    const username = uniqueName('Taken').slice(0, 24);
    expect((await signUp(signUpBody(username))).status).toBe(200);
    const twin = username.toUpperCase();
    const response = await signUp({ ...signUpBody(twin), email: `twin_${username.toLowerCase()}@example.test` });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'USERNAME_LOOKALIKE', message: expect.stringMatching(/is taken/i) });
  });

  it('refuses a username that reads like a taken one (digits for letters, other scripts), and says so', async () => {
    const username = `Ada_${uniqueName('x').slice(-6)}`;
    expect((await signUp(signUpBody(username))).status).toBe(200);
    for (const lookAlike of [username.replace('A', '4'), username.replace('d', 'ԁ').replace('a', 'а'), `${username}_`]) {
      // Usernames are ASCII letters, digits and _: a lookalike in another script is refused by the username rules.
      const response = await signUp({ ...signUpBody(lookAlike), email: `${uniqueName('look')}@example.test` });
      expect(response.status, lookAlike).toBe(400);
    }
    const asDigits = await signUp({ ...signUpBody(username.replace('A', '4')), email: `${uniqueName('look')}@example.test` });
    expect(asDigits.body).toMatchObject({ code: 'USERNAME_LOOKALIKE' });
    const available = await request(app)
      .post('/api/auth/is-username-available')
      .set('Origin', env.PUBLIC_URL)
      .send({ username: username.replace('A', '4') });
    expect(available.body).toMatchObject({ code: 'USERNAME_LOOKALIKE' });
  });

  it.each(['admin', 'Settings', 'LIVE', 'dashboard', 'api', 'signup'])(
    'refuses the reserved username %s and says it is reserved',
    async (username) => {
      const response = await signUp({ ...signUpBody(username), email: `${uniqueName('reserved')}@example.test` });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('USERNAME_RESERVED');
      expect(response.body.message).toBe(
        `"${username}" is reserved because it is one of the site's own addresses. Please choose another username.`,
      );
    },
  );

  it('says a reserved name is reserved when its availability is checked', async () => {
    const response = await request(app)
      .post('/api/auth/is-username-available')
      .set('Origin', env.PUBLIC_URL)
      .send({ username: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('USERNAME_RESERVED');
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(25)],
    ['with a dot', 'first.last'],
    ['with a space', 'first last'],
    ['with a non-ASCII letter', 'jürgen'],
  ])('refuses a username %s with a sentence that gives the rule', async (_label, username) => {
    const response = await signUp({ ...signUpBody(username), email: `${uniqueName('bad')}@example.test` });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'INVALID_USERNAME',
      message: 'Usernames are 3–24 characters: letters, digits and underscores.',
    });
  });

  it('requires a username', async () => {
    const { username: _none, ...body } = signUpBody(uniqueName('nobody'));
    const response = await signUp(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('USERNAME_REQUIRED');
  });

  it('refuses a display username that is not the username, an avatar, and a display name that is too long', async () => {
    const username = uniqueName('shape').slice(0, 24);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ displayUsername: 'someone_else' }, 'INVALID_DISPLAY_USERNAME'],
      [{ image: 'https://tracker.example/pixel.gif' }, 'IMAGE_NOT_ALLOWED'],
      [{ name: 'x'.repeat(51) }, 'INVALID_NAME'],
    ];
    for (const [extra, code] of cases) {
      const response = await signUp({ ...signUpBody(username), ...extra });
      expect(response.status, code).toBe(400);
      expect(response.body.code).toBe(code);
    }
    expect(await prisma.user.count({ where: { username: username.toLowerCase() } })).toBe(0);
  });

  it('ignores fields only an admin sets', async () => {
    const username = uniqueName('sneaky').slice(0, 24);
    const response = await signUp({ ...signUpBody(username), creatorApproved: true, bio: 'set at sign-up' });
    expect(response.status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: response.body.user.id } });
    expect(user.creatorApproved).toBe(false);
  });

  it("does not offer better-auth's own profile update (profiles change through /api/users)", async () => {
    const { agent } = await signedInAgent(app, 'updater');
    const response = await agent
      .post('/api/auth/update-user')
      .set('Origin', env.PUBLIC_URL)
      .send({ name: 'Changed', username: 'admin' });
    expect(response.status).toBe(404);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the username in any case', async () => {
    const username = uniqueName('Mixed_Case').slice(0, 24);
    await signUp(signUpBody(username));
    const response = await signIn({ username: username.toUpperCase(), password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user.displayUsername).toBe(username);
  });

  it('refuses a wrong password with 401 and a sentence', async () => {
    const username = uniqueName('wrongpw').slice(0, 24);
    await signUp(signUpBody(username));
    const response = await signIn({ username, password: 'not-the-password' });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Invalid username or password');
  });

  it('answers malformed JSON with 400 JSON', async () => {
    const response = await request(app)
      .post('/api/auth/sign-in/username')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', clientIp())
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) });
  });

  it('invalidates the session on the server at sign-out: a copy of the old cookie no longer works', async () => {
    const username = uniqueName('leaver').slice(0, 24);
    const agent = request.agent(app);
    const signedUp = await signUp(signUpBody(username), agent);
    const cookie = sessionCookie(signedUp);
    expect(await sessionUser(app, cookie)).not.toBeNull();

    const signedOut = await agent.post('/api/auth/sign-out').set('Origin', env.PUBLIC_URL).send({});
    expect(signedOut.status).toBe(200);
    expect(await sessionUser(app, cookie)).toBeNull();
    expect(await prisma.session.count({ where: { userId: signedUp.body.user.id } })).toBe(0);
  });

  it('keeps sessions across a restart: a freshly loaded app reads them from PostgreSQL', async () => {
    const username = uniqueName('stayer').slice(0, 24);
    const cookie = sessionCookie(await signUp(signUpBody(username)));
    vi.resetModules();
    const { createApp: createRestartedApp } = await import('../../app.ts');
    const restarted = createRestartedApp();
    expect(await sessionUser(restarted, cookie)).toMatchObject({ displayUsername: username });
  });
});

/** Fifty real password checks (each deliberately slow) take a while on a busy machine. */
const FIFTY_PASSWORD_CHECKS_MS = 120_000;

describe('sign-in brute-force protection', () => {
  const { perAccountAndIp, perAccount, perIp } = SIGN_IN_LIMITS;

  it(`locks an account for one address after ${perAccountAndIp.limit} attempts, by username or email, even with the right password`, async () => {
    const username = uniqueName('target').slice(0, 24);
    await signUp(signUpBody(username));
    const attacker = clientIp();
    for (let attempt = 0; attempt < perAccountAndIp.limit; attempt++) {
      expect((await signIn({ username, password: `guess-${attempt}-xx` }, attacker)).status).toBe(401);
    }
    const locked = await signIn({ username, password: PASSWORD }, attacker);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many failed sign-in attempts for this account\. Please try again in \d+ minutes\.$/),
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const byEmail = await request(app)
      .post('/api/auth/sign-in/email')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', attacker)
      .send({ email: `${username}@example.test`, password: PASSWORD });
    expect(byEmail.status).toBe(429);
  });

  it('does not lock the owner out: a stranger guessing from their address leaves the owner free to sign in from theirs', async () => {
    const username = uniqueName('owner').slice(0, 24);
    await signUp(signUpBody(username));
    const stranger = clientIp();
    for (let attempt = 0; attempt <= perAccountAndIp.limit; attempt++)
      await signIn({ username, password: 'guess-guess' }, stranger);
    expect((await signIn({ username, password: 'guess-guess' }, stranger)).status).toBe(429);
    expect((await signIn({ username, password: PASSWORD }, clientIp())).status).toBe(200);
  });

  it(
    `caps an account at ${perAccount.limit} attempts from all addresses together`,
    async () => {
      const username = uniqueName('spread').slice(0, 24);
      await signUp(signUpBody(username));
      for (let attempt = 0; attempt < perAccount.limit; attempt++) {
        expect((await signIn({ username, password: 'guess-guess' }, clientIp())).status).toBe(401);
      }
      expect((await signIn({ username, password: PASSWORD }, clientIp())).status).toBe(429);
    },
    FIFTY_PASSWORD_CHECKS_MS,
  );

  it('forgives earlier failures from an address after a successful sign-in from it', async () => {
    const username = uniqueName('forgiven').slice(0, 24);
    await signUp(signUpBody(username));
    const home = clientIp();
    const almost = perAccountAndIp.limit - 1;
    for (let attempt = 0; attempt < almost; attempt++) await signIn({ username, password: 'wrong-password' }, home);
    expect((await signIn({ username, password: PASSWORD }, home)).status).toBe(200);
    for (let attempt = 0; attempt < almost; attempt++) {
      expect((await signIn({ username, password: 'wrong-password' }, home)).status).toBe(401);
    }
  });

  it(
    `limits one address to ${perIp.limit} attempts across accounts`,
    async () => {
      const ip = clientIp();
      for (let attempt = 0; attempt < perIp.limit; attempt++) {
        expect((await signIn({ username: uniqueName('spray'), password: 'password123' }, ip)).status).toBe(401);
      }
      const blocked = await signIn({ username: uniqueName('spray'), password: 'password123' }, ip);
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/^Too many sign-in attempts from your network\. Please try again in \d+ minutes\.$/);
      expect((await signIn({ username: uniqueName('spray'), password: 'password123' })).status).toBe(401);
    },
    FIFTY_PASSWORD_CHECKS_MS,
  );

  it.each([
    ['a dot segment', '/api/auth/%2e/sign-in/username'],
    ['a literal dot segment', '/api/auth/./sign-in/username'],
    ['a dot-dot segment', '/api/auth/%2e%2e/auth/sign-in/username'],
  ])('counts attempts sent to a raw path with %s like the plain path: no unlimited guessing', async (_label, rawPath) => {
    const username = uniqueName('rawpath').slice(0, 24);
    await signUp(signUpBody(username));
    const attacker = clientIp();
    const attempt = (password: string) =>
      rawRequest(app, {
        method: 'POST',
        path: rawPath,
        headers: { origin: env.PUBLIC_URL, 'x-forwarded-for': attacker, 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    for (let tries = 0; tries < perAccountAndIp.limit; tries++) expect((await attempt('guess-guess')).status).toBe(401);
    const final = await attempt(PASSWORD);
    expect(final.status).toBe(429);
    expect(final.body).toMatchObject({ code: 'RATE_LIMITED' });
    // The plain path agrees: the same budget was spent.
    expect((await signIn({ username, password: PASSWORD }, attacker)).status).toBe(429);
  });

  it.each(['/api/auth//sign-in/username', '/API/AUTH/sign-in/username', '/api/auth/sign-in/%75sername'])(
    'does not sign anyone in through the unrouted raw path %s',
    async (rawPath) => {
      const username = uniqueName('unrouted').slice(0, 24);
      await signUp(signUpBody(username));
      const response = await rawRequest(app, {
        method: 'POST',
        path: rawPath,
        headers: { origin: env.PUBLIC_URL, 'x-forwarded-for': clientIp(), 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(response.status).toBe(404);
    },
  );
});

describe('sign-up limits', () => {
  it(`lets one address create ${SIGN_UP_LIMIT.limit} accounts an hour, then says why it refuses`, async () => {
    const ip = clientIp();
    for (let account = 0; account < SIGN_UP_LIMIT.limit; account++) {
      const username = uniqueName('family').slice(0, 24);
      const response = await request(app)
        .post('/api/auth/sign-up/email')
        .set('Origin', env.PUBLIC_URL)
        .set('X-Forwarded-For', ip)
        .send(signUpBody(username));
      expect(response.status).toBe(200);
    }
    const username = uniqueName('script').slice(0, 24);
    const refused = await request(app)
      .post('/api/auth/sign-up/email')
      .set('Origin', env.PUBLIC_URL)
      .set('X-Forwarded-For', ip)
      .send(signUpBody(username));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many new accounts from your network/),
    });
    expect(await prisma.user.count({ where: { username: username.toLowerCase() } })).toBe(0);
  });
});
