import { AppError } from '../../http/errors.ts';
import { hitRateLimit, resetRateLimit } from '../rate-limit/rate-limit.service.ts';
import { findUserIdBySignInName } from '../users/users.service.ts';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Brute-force protection for sign-in. Per account: a few guesses, forgiven after a successful sign-in.
 * Per IP address: enough for a household or office sharing one address, too few to spray many accounts.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowMs: FIFTEEN_MINUTES },
  perIp: { limit: 50, windowMs: FIFTEEN_MINUTES },
} as const;

const accountKey = (userId: string) => `sign-in:account:${userId}`;

function inMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
}

function tooManyAttempts(message: string, retryAfterMs: number): AppError {
  return new AppError(429, 'RATE_LIMITED', message, { retryAfterMs });
}

/**
 * Counts a sign-in attempt from `ip` for the account `name` identifies (a username or an email; an
 * unknown name is counted by itself, so probing for accounts is limited too). Throws 429 when over.
 */
export async function countSignInAttempt(attempt: { ip: string; name?: string }): Promise<void> {
  const byIp = await hitRateLimit(`sign-in:ip:${attempt.ip}`, SIGN_IN_LIMITS.perIp.limit, SIGN_IN_LIMITS.perIp.windowMs);
  if (!byIp.allowed)
    throw tooManyAttempts(
      `Too many sign-in attempts from your network. Please try again ${inMinutes(byIp.retryAfterMs)}.`,
      byIp.retryAfterMs,
    );
  const name = attempt.name?.trim().toLowerCase();
  if (!name) return;
  const userId = await findUserIdBySignInName(name);
  const byAccount = await hitRateLimit(
    userId ? accountKey(userId) : `sign-in:name:${name}`,
    SIGN_IN_LIMITS.perAccount.limit,
    SIGN_IN_LIMITS.perAccount.windowMs,
  );
  if (!byAccount.allowed)
    throw tooManyAttempts(
      `Too many failed sign-in attempts for this account. Please try again ${inMinutes(byAccount.retryAfterMs)}.`,
      byAccount.retryAfterMs,
    );
}

/** A successful sign-in forgives the account's earlier failed attempts. */
export async function forgiveSignInAttempts(userId: string): Promise<void> {
  await resetRateLimit(accountKey(userId));
}
