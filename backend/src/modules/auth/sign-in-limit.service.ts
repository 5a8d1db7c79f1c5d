import { enforceRateLimit, hitRateLimit, inMinutes, resetRateLimit, tooManyRequests } from '../rate-limit/rate-limit.service.ts';
import { findUserIdBySignInName } from '../users/users.service.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const ONE_HOUR = 60 * 60_000;

/**
 * Brute-force protection for sign-in, in PostgreSQL so every instance counts together.
 * - Per account and address: a few guesses, forgiven after a successful sign-in from that address. A
 *   stranger guessing from their address does not lock the owner out of theirs.
 * - Per account, all addresses together: a larger cap against guessing spread over many addresses.
 * - Per address: enough for a household or office sharing one address, too few to spray many accounts.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndIp: { limit: 5, windowMs: FIFTEEN_MINUTES },
  perAccount: { limit: 50, windowMs: FIFTEEN_MINUTES },
  perIp: { limit: 50, windowMs: FIFTEEN_MINUTES },
} as const;

/** New accounts per address: a family signs up together; a script minting accounts does not get far. */
export const SIGN_UP_LIMIT = { limit: 10, windowMs: ONE_HOUR } as const;

const accountAndIpKey = (account: string, ip: string) => `sign-in:account-ip:${account}:${ip}`;

/** The account a sign-in name (username or email) identifies; an unknown name is counted by itself. */
async function accountOf(name: string): Promise<string> {
  const userId = await findUserIdBySignInName(name);
  return userId ? `user:${userId}` : `name:${name}`;
}

/** Counts a sign-in attempt from `ip` for the account `name` identifies. Throws 429 when over a limit. */
export async function countSignInAttempt(attempt: { ip: string; name?: string }): Promise<void> {
  const { perIp, perAccount, perAccountAndIp } = SIGN_IN_LIMITS;
  await enforceRateLimit(
    `sign-in:ip:${attempt.ip}`,
    perIp,
    (when) => `Too many sign-in attempts from your network. Please try again ${when}.`,
  );
  const name = attempt.name?.trim().toLowerCase();
  if (!name) return;
  const account = await accountOf(name);
  const [fromHere, overall] = await Promise.all([
    hitRateLimit(accountAndIpKey(account, attempt.ip), perAccountAndIp.limit, perAccountAndIp.windowMs),
    hitRateLimit(`sign-in:account:${account}`, perAccount.limit, perAccount.windowMs),
  ]);
  const refused = !fromHere.allowed ? fromHere : !overall.allowed ? overall : undefined;
  if (refused)
    throw tooManyRequests(
      `Too many failed sign-in attempts for this account. Please try again ${inMinutes(refused.retryAfterMs)}.`,
      refused.retryAfterMs,
    );
}

/** A successful sign-in forgives the failed attempts made from that address. */
export async function forgiveSignInAttempts(userId: string, ip: string): Promise<void> {
  await resetRateLimit(accountAndIpKey(`user:${userId}`, ip));
}

/** Counts a sign-up from `ip`. Throws 429 when over. */
export async function countSignUp(ip: string): Promise<void> {
  await enforceRateLimit(
    `sign-up:ip:${ip}`,
    SIGN_UP_LIMIT,
    (when) => `Too many new accounts from your network. Please try again ${when}.`,
  );
}
