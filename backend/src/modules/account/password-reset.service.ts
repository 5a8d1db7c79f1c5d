import { prisma } from '../../lib/prisma.ts';
import { auth } from '../auth/auth.service.ts';
import { enforceRateLimit } from '../rate-limit/rate-limit.service.ts';

const ONE_HOUR = 60 * 60_000;

/**
 * Reset mails: enough for someone who mistyped or lost the first mail, too few to flood an inbox or to spray
 * every account from one network. Unknown names are counted like accounts, so a refusal says nothing about
 * whether one exists.
 */
export const PASSWORD_RESET_LIMITS = {
  perAccount: { limit: 3, windowMs: ONE_HOUR },
  perIp: { limit: 10, windowMs: ONE_HOUR },
} as const;

/**
 * Sends a reset link to the account `login` (email or username) names. Answers the same whether or not there is
 * one: the lookup costs the same, and the mail goes out in the background.
 */
export async function requestPasswordReset(login: string, ip: string): Promise<void> {
  await enforceRateLimit(
    `password-reset:ip:${ip}`,
    PASSWORD_RESET_LIMITS.perIp,
    (when) => `Too many password resets asked from your network. Please try again ${when}.`,
  );
  const name = login.trim().toLowerCase();
  const user = await prisma.user.findFirst({
    where: name.includes('@') ? { email: name } : { username: name },
    select: { id: true, email: true },
  });
  await enforceRateLimit(
    `password-reset:account:${user ? `user:${user.id}` : `name:${name}`}`,
    PASSWORD_RESET_LIMITS.perAccount,
    (when) => `A reset link was sent several times already. Check your inbox (and spam folder), or try again ${when}.`,
  );
  if (user) await auth.api.requestPasswordReset({ body: { email: user.email } });
}
