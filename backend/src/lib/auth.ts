import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { username } from 'better-auth/plugins/username';
import { env } from '../config/env.ts';
import { prisma } from './prisma.ts';
import { isUsernameAllowed } from '../modules/auth/username-rules.ts';

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
  advanced: {
    useSecureCookies: env.PUBLIC_URL.startsWith('https://'),
    defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
  },
  telemetry: { enabled: false },
});

export type SessionUser = typeof auth.$Infer.Session.user;
