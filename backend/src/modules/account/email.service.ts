import type { IncomingHttpHeaders } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { AppError, conflict } from '../../http/errors.ts';
import { sendMailInBackground } from '../../lib/mailer.ts';
import { prisma } from '../../lib/prisma.ts';
import { auth, EMAIL_CONFIRMED_PATH } from '../auth/auth.service.ts';
import { enforceRateLimit } from '../rate-limit/rate-limit.service.ts';
import { emailChangeRequestedMail } from './account-mail.ts';

const ONE_HOUR = 60 * 60_000;

/** Each sends a mail to an address: a few an hour is plenty for a person and useless for flooding someone. */
export const EMAIL_LIMITS = {
  resendConfirmation: { limit: 3, windowMs: ONE_HOUR },
  change: { limit: 5, windowMs: ONE_HOUR },
} as const;

type Account = { id: string; email: string; name: string };

async function currentAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerified: true, name: true } });
}

/** Sends the confirmation link for the account's address again. */
export async function resendEmailConfirmation(account: Account): Promise<void> {
  const { email, emailVerified } = await currentAccount(account.id);
  if (emailVerified) throw conflict('Your email address is already confirmed.');
  await enforceRateLimit(
    `email-confirmation:user:${account.id}`,
    EMAIL_LIMITS.resendConfirmation,
    (when) => `We already sent you several links. Check your inbox (and spam folder), or ask again ${when}.`,
  );
  await auth.api.sendVerificationEmail({ body: { email, callbackURL: EMAIL_CONFIRMED_PATH } });
}

/**
 * Changes the account's address. A confirmed address changes only once the new one confirms (its owner is told
 * at the old one); an unconfirmed one changes at once, and the link goes to the new one. An address another
 * account has gets the same answer and no mail, so this cannot tell who is signed up with what.
 */
export async function changeEmail(
  account: Account,
  newEmail: string,
  headers: IncomingHttpHeaders,
): Promise<{ status: 'changed' | 'confirming'; message: string }> {
  const email = newEmail.trim().toLowerCase();
  const before = await currentAccount(account.id);
  if (email === before.email) throw new AppError(400, 'BAD_REQUEST', 'That is already your email address.');
  await enforceRateLimit(
    `email-change:user:${account.id}`,
    EMAIL_LIMITS.change,
    (when) => `Too many email changes. Please try again ${when}.`,
  );
  await auth.api.changeEmail({ body: { newEmail: email, callbackURL: EMAIL_CONFIRMED_PATH }, headers: fromNodeHeaders(headers) });
  if (before.emailVerified) {
    sendMailInBackground(emailChangeRequestedMail({ email: before.email, name: before.name }, email));
    return {
      status: 'confirming',
      message: `We sent a link to ${email}. Your address changes when you open it; until then, ${before.email} stays.`,
    };
  }
  const after = await currentAccount(account.id);
  return after.email === email
    ? { status: 'changed', message: `Your address is now ${email}. We sent it a link to confirm it.` }
    : { status: 'confirming', message: `If ${email} can be used, we sent it a link to confirm it.` };
}
