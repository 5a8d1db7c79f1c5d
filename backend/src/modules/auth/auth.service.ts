import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { getCookies } from 'better-auth/cookies';
import { username } from 'better-auth/plugins/username';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { passkeySignIn } from './passkey-sign-in.plugin.ts';
import type { IncomingHttpHeaders } from 'node:http';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { logger } from '../../lib/logger.ts';
import { AppError } from '../../http/errors.ts';
import { originsFor } from '../../http/origins.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '@streamhouse/contract';
import { isUsernameAllowed, usernameProblem } from './username-rules.ts';
import { nameSkeleton } from '../../lib/name-skeleton.ts';
import { signUpProblem } from './sign-up-rules.ts';
import { countSignInAttempt, countSignUp, forgiveSignInAttempts } from './sign-in-limit.service.ts';
import { invalidatedCache } from '../../lib/invalidated-cache.ts';
import { sendMailInBackground } from '../../lib/mailer.ts';
import { PASSWORD_RESET_MINUTES, passwordChangedMail, passwordResetMail, verifyEmailMail } from '../account/account-mail.ts';

const authLogger = logger.child({ name: 'better-auth' });

/**
 * The client address as Express resolved it (honouring TRUST_PROXY). The auth router overwrites this header
 * on every request, so a value a client sends never reaches better-auth.
 */
export const CLIENT_IP_HEADER = 'x-streamhouse-client-ip';

/** Our limits as better-auth errors: same `{code, message, retryAfterMs}` body and a Retry-After header. */
async function asAuthError(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 429) throw error;
    const retryAfterMs = Number(error.details?.retryAfterMs ?? 0);
    throw new APIError(
      'TOO_MANY_REQUESTS',
      { code: error.code, message: error.message, retryAfterMs },
      { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
    );
  }
}

const SIGN_IN_PATHS = new Set(['/sign-in/username', '/sign-in/email']);
/**
 * The second step of a two-factor sign-in, and a passkey sign-in: counted per network like sign-ins (the two-factor
 * plugin also locks an account after 10 wrong codes, and a challenge after 5; a passkey challenge is single-use).
 */
const SECOND_FACTOR_PATHS = new Set(['/two-factor/verify-totp', '/two-factor/verify-backup-code', '/passkey/sign-in']);

/**
 * Signed-in paths that check the account's password (change it, turn two-factor on or off, new backup codes, the
 * authenticator key): each is a password guess, so each counts against the account's sign-in limits — otherwise a
 * stolen session could guess the password here without limit.
 */
const PASSWORD_CHECK_PATHS = new Set([
  '/change-password',
  '/two-factor/enable',
  '/two-factor/disable',
  '/two-factor/generate-backup-codes',
  '/two-factor/get-totp-uri',
]);

/**
 * Paths that change who a session is (its user's email, password or sessions): the cached sessions of the signed-in
 * user are dropped on every instance. The two reached by a mailed link name their user by the link's token, not by
 * the session (there may be none, or another account's), so they drop every cached session.
 */
const LINK_PATHS = new Set(['/reset-password', '/verify-email']);
const SESSION_CHANGING_PATHS = new Set([
  ...LINK_PATHS,
  '/change-password',
  '/change-email',
  // Turning two-factor sign-in off replaces the session. (Turning it on does too, through the first code entered —
  // the path every two-factor sign-in also takes, too often to drop every cache; the replaced session was this
  // browser's own, and the go-live gate reads twoFactorEnabled from the database.)
  '/two-factor/disable',
]);

/** Where a confirmation link lands: the settings page, which says whether it worked (`?error=` when not). */
export const EMAIL_CONFIRMED_PATH = '/settings?email=confirmed';

/** better-auth's link with our landing page: it redirects there after confirming (or with `error=`). */
function withLandingPage(url: string): string {
  const link = new URL(url);
  link.searchParams.set('callbackURL', EMAIL_CONFIRMED_PATH);
  return link.toString();
}

/**
 * better-auth endpoints the site does not offer over HTTP: the account routes (/api/account) call them with our
 * limits and answers, or they act on sessions behind the session cache's back.
 */
const DISABLED_PATHS = [
  // Profile fields change through PATCH /api/users/:username (validated there).
  '/update-user',
  // POST /api/account/password-reset (email or username, limited per network and account).
  '/request-password-reset',
  '/forget-password',
  // POST /api/account/email-verification (signed in, limited): better-auth's sends to any address asked.
  '/send-verification-email',
  // POST /api/account/email (limited per account).
  '/change-email',
  // /api/account/sessions: they hand out other sessions' tokens and bypass the session cache.
  '/list-sessions',
  '/revoke-session',
  '/revoke-sessions',
  '/revoke-other-sessions',
  '/delete-user',
  // Two-factor by emailed or texted codes is not offered (only an authenticator app and backup codes).
  '/two-factor/send-otp',
  '/two-factor/verify-otp',
  '/two-factor/generate-totp',
];

/** A username that reads like an existing one ("Dem0_A1ice" beside "demo_alice") would let its owner pass as them. */
async function lookAlikeProblem(username: string): Promise<{ code: string; message: string } | undefined> {
  const existing = await prisma.user.findFirst({ where: { usernameSkeleton: nameSkeleton(username) }, select: { id: true } });
  if (!existing) return undefined;
  return {
    code: 'USERNAME_LOOKALIKE',
    message: `“${username}” is taken, or looks too much like a username someone already has. Please choose another.`,
  };
}

/** Sessions live in PostgreSQL, so they survive restarts and any backend instance can read them. */
export const auth = betterAuth({
  baseURL: env.PUBLIC_URL,
  secret: env.AUTH_SECRET,
  trustedOrigins: originsFor(env.PUBLIC_URL),
  database: prismaAdapter(prisma, { provider: 'postgresql' }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    resetPasswordTokenExpiresIn: PASSWORD_RESET_MINUTES * 60,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, token }) => sendMailInBackground(passwordResetMail(user, token)),
    onPasswordReset: async ({ user }) => sendMailInBackground(passwordChangedMail(user)),
  },
  emailVerification: {
    sendOnSignUp: true,
    expiresIn: 24 * 60 * 60,
    sendVerificationEmail: async ({ user, url }) => sendMailInBackground(verifyEmailMail(user, withLandingPage(url))),
  },
  user: {
    // An unconfirmed address changes at once (and the new one gets a confirmation link); a confirmed one only
    // once the new address confirms, and the old one is told (POST /api/account/email).
    changeEmail: { enabled: true, updateEmailWithoutVerification: true },
  },
  plugins: [
    username({
      minUsernameLength: USERNAME_MIN_LENGTH,
      maxUsernameLength: USERNAME_MAX_LENGTH,
      usernameValidator: isUsernameAllowed,
    }),
    twoFactor({ issuer: 'Streamhouse' }),
    passkeySignIn(),
  ],
  disabledPaths: DISABLED_PATHS,
  // better-auth's own limiter keeps counters in one process's memory; ours (below) live in PostgreSQL, so
  // every instance agrees.
  rateLimit: { enabled: false },
  hooks: {
    // Runs on better-auth's own, normalised path: `/api/auth/%2e/sign-in/username` is counted like the plain one.
    before: createAuthMiddleware(async (ctx) => {
      const ip = ctx.headers?.get(CLIENT_IP_HEADER) ?? 'unknown';
      if (SIGN_IN_PATHS.has(ctx.path)) {
        const body = (ctx.body ?? {}) as { username?: unknown; email?: unknown };
        const name = typeof body.username === 'string' ? body.username : typeof body.email === 'string' ? body.email : undefined;
        await asAuthError(() => countSignInAttempt({ ip, name: name?.slice(0, 320) }));
        return;
      }
      if (SECOND_FACTOR_PATHS.has(ctx.path)) {
        await asAuthError(() => countSignInAttempt({ ip }));
        return;
      }
      if (PASSWORD_CHECK_PATHS.has(ctx.path)) {
        const token = sessionTokenOf(ctx.headers?.get('cookie'));
        const { user } = token ? await sessions.get(token) : { user: null };
        await asAuthError(() => countSignInAttempt({ ip, name: user?.username ?? undefined }));
        return;
      }
      if (ctx.path === '/sign-up/email') {
        const problem = signUpProblem(ctx.body ?? {}) ?? (await lookAlikeProblem(String(ctx.body?.username)));
        if (problem) throw new APIError('BAD_REQUEST', problem);
        await asAuthError(() => countSignUp(ip));
        return;
      }
      if (ctx.path === '/is-username-available' && typeof ctx.body?.username === 'string') {
        const problem = usernameProblem(ctx.body.username) ?? (await lookAlikeProblem(ctx.body.username));
        if (problem) throw new APIError('BAD_REQUEST', problem);
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === '/sign-out') {
        const token = sessionTokenOf(ctx.headers?.get('cookie'));
        if (token) await sessions.invalidate(prisma, token);
      }
      // A redirect (a confirmation link followed) comes back as an APIError too, with a 3xx status.
      const returned = ctx.context.returned;
      const failed = returned instanceof APIError ? returned.statusCode >= 400 : returned instanceof Error;
      if (SESSION_CHANGING_PATHS.has(ctx.path) && !failed) {
        const user = ctx.context.session?.user;
        await (user && !LINK_PATHS.has(ctx.path) ? forgetCachedSessions(user.id) : sessions.invalidateAll(prisma));
        if (ctx.path === '/change-password' && user) sendMailInBackground(passwordChangedMail(user));
      }
      const newSession = ctx.context.newSession;
      if (SIGN_IN_PATHS.has(ctx.path) && newSession)
        await forgiveSignInAttempts(newSession.user.id, ctx.headers?.get(CLIENT_IP_HEADER) ?? 'unknown');
      // The right password, like a successful sign-in, forgives the guesses made from that address.
      const checkedUser = ctx.context.session?.user;
      if (PASSWORD_CHECK_PATHS.has(ctx.path) && !failed && checkedUser)
        await forgiveSignInAttempts(checkedUser.id, ctx.headers?.get(CLIENT_IP_HEADER) ?? 'unknown');
    }),
  },
  advanced: {
    useSecureCookies: env.PUBLIC_URL.startsWith('https://'),
    defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
  },
  // One log stream (and LOG_LEVEL) for everything, instead of better-auth's own console lines.
  logger: { log: (level, message, ...args) => authLogger[level](args.length ? { args } : {}, message) },
  telemetry: { enabled: false },
});

export type SessionUser = typeof auth.$Infer.Session.user;

/**
 * The session cookie's name exactly as better-auth sets it for this site: `__Secure-better-auth.session_token` when
 * PUBLIC_URL is https, else without the prefix. Only that name is read, so over HTTPS a cookie without the prefix
 * (which any subdomain or plain-HTTP page could plant) never names a session.
 */
export const SESSION_COOKIE_NAME = getCookies(auth.options).sessionToken.name;
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME.replaceAll('.', '\\.')}=([^;]+)`);

/**
 * Sessions as every signed-in request needs them, held per instance for half a minute and dropped on every
 * instance (PostgreSQL NOTIFY) at sign-out, so a copy of a signed-out cookie stops working everywhere at once.
 * Keyed by the signed cookie value and tagged with the user's id: whatever ends or changes a user's other sessions
 * (a password change, a session signed out from the account page, the account deleted) drops that user's entries
 * on every instance (`forgetCachedSessions`) — a session's cache key cannot be told from its id.
 */
const sessions = invalidatedCache<{ user: SessionUser | null; sessionId: string | null }>({
  channel: 'auth_session',
  max: 100_000,
  ttlMs: 30_000,
  tagsOf: (cached) => (cached.user ? [cached.user.id] : []),
  load: async (token) => {
    const session = await auth.api.getSession({ headers: new Headers({ cookie: `${SESSION_COOKIE_NAME}=${token}` }) });
    return { user: session?.user ?? null, sessionId: session?.session.id ?? null };
  },
});

/** After a user's sessions were ended or the user changed outside better-auth's own paths (see above). */
export const forgetCachedSessions = (userId: string) => sessions.invalidateTag(prisma, userId);

const sessionTokenOf = (cookie: string | null | undefined) => (cookie ? SESSION_COOKIE.exec(cookie)?.[1] : undefined);

/** The signed-in user a request's cookie names, if any. */
export async function sessionUserOf(headers: IncomingHttpHeaders): Promise<SessionUser | undefined> {
  return (await sessionOf(headers))?.user;
}

/** The session a request's cookie names (its id and user), if any. */
export async function sessionOf(headers: IncomingHttpHeaders): Promise<{ user: SessionUser; sessionId: string } | undefined> {
  const token = sessionTokenOf(headers.cookie);
  if (!token) return undefined;
  const { user, sessionId } = await sessions.get(token);
  return user && sessionId ? { user, sessionId } : undefined;
}
