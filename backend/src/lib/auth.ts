import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { username } from 'better-auth/plugins/username';
import { env } from '../config/env.ts';
import { prisma } from './prisma.ts';
import { logger } from './logger.ts';
import { isUsernameAllowed, usernameProblem } from '../modules/auth/username-rules.ts';
import { signUpProblem } from '../modules/auth/sign-up-rules.ts';
import { forgiveSignInAttempts } from '../modules/auth/sign-in-limit.service.ts';

const authLogger = logger.child({ name: 'better-auth' });

/** localhost and 127.0.0.1 are the same machine to a person, different origins to a browser. */
function originsFor(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  return twin ? [url.origin, url.origin.replace(url.hostname, twin)] : [url.origin];
}

/** Sessions live in PostgreSQL, so they survive restarts and any backend instance can read them. */
export const auth = betterAuth({
  baseURL: env.PUBLIC_URL,
  secret: env.AUTH_SECRET,
  trustedOrigins: originsFor(env.PUBLIC_URL),
  database: prismaAdapter(prisma, { provider: 'postgresql' }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  plugins: [
    username({
      minUsernameLength: 3,
      maxUsernameLength: 24,
      usernameValidator: isUsernameAllowed,
    }),
  ],
  // Profile fields change through PATCH /api/users/:username (validated there), never through better-auth.
  disabledPaths: ['/update-user'],
  // Sign-in attempts are limited in PostgreSQL by modules/auth (shared by every instance), not in memory here.
  rateLimit: { customRules: { '/sign-in/*': false } },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const problem =
        ctx.path === '/sign-up/email'
          ? signUpProblem(ctx.body ?? {})
          : ctx.path === '/is-username-available' && typeof ctx.body?.username === 'string'
            ? usernameProblem(ctx.body.username)
            : undefined;
      if (problem) throw new APIError('BAD_REQUEST', problem);
    }),
    after: createAuthMiddleware(async (ctx) => {
      const newSession = ctx.context.newSession;
      if (ctx.path.startsWith('/sign-in/') && newSession) await forgiveSignInAttempts(newSession.user.id);
    }),
  },
  advanced: {
    useSecureCookies: env.PUBLIC_URL.startsWith('https://'),
    defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
  },
  // One log stream (and LOG_LEVEL) for everything, instead of better-auth's own console lines.
  logger: { log: (level, message, ...args) => authLogger[level](args.length ? { args } : {}, message) },
  telemetry: { enabled: false },
});

export type SessionUser = typeof auth.$Infer.Session.user;
