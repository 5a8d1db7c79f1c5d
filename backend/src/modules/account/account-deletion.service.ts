import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { APIError } from 'better-auth/api';
import { fromNodeHeaders } from 'better-auth/node';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { prisma } from '../../lib/prisma.ts';
import { auth, forgetCachedSessions } from '../auth/auth.service.ts';
import { countSignInAttempt } from '../auth/sign-in-limit.service.ts';
import { publicChannelChanged } from '../discovery/discovery.service.ts';
import { endBroadcasting } from '../live/broadcast-control.service.ts';
import { removeRecordingsOf } from '../recordings/replay-retention.service.ts';

/** What chat shows for a deleted account's messages in other channels: no name, no identity. */
export const DELETED_SENDER = { name: 'deleted user', identity: 'deleted-user' } as const;

type Account = { id: string; username: string; email: string };

/** The password again, counted like a sign-in attempt: a stolen session cannot guess it to delete the account. */
async function confirmPassword(account: Account, password: string, headers: IncomingHttpHeaders, ip: string) {
  await countSignInAttempt({ ip, name: account.username });
  try {
    await auth.api.verifyPassword({ body: { password }, headers: fromNodeHeaders(headers) });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    // The session ended meanwhile (signed out, or this account deleted by a request a moment earlier).
    if (error.statusCode === 401) throw unauthenticated();
    if (error.statusCode < 500)
      throw new AppError(400, 'BAD_REQUEST', 'That is not your password.', { reason: 'WRONG_PASSWORD' });
    throw error;
  }
}

/** With two-factor sign-in on, a code too: the app's six digits, or a backup code (which it uses up). */
async function confirmSecondFactor(code: string | undefined, headers: IncomingHttpHeaders) {
  if (!code)
    throw new AppError(400, 'BAD_REQUEST', 'Enter a code from your authenticator app (or a backup code).', {
      reason: 'CODE_NEEDED',
    });
  const asHeaders = fromNodeHeaders(headers);
  try {
    if (/^\d{6}$/.test(code)) await auth.api.verifyTOTP({ body: { code }, headers: asHeaders });
    else await auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers: asHeaders });
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500)
      throw new AppError(400, 'BAD_REQUEST', 'That code is wrong or was already used.', { reason: 'WRONG_CODE' });
    throw error;
  }
}

/**
 * Deletes an account and everything of it: the broadcast ends and its keys stop working, replays and snapshots
 * leave storage, and every row that names the user goes; what they said in other channels stays as "deleted
 * user" (the other people's conversation keeps its shape), and their visits to other broadcasts stay as
 * anonymous viewers in those creators' analytics. Two deletions at once: one does it, the other finds it gone.
 */
export async function deleteAccount(
  userId: string,
  confirmation: { password: string; code?: string },
  headers: IncomingHttpHeaders,
  ip: string,
): Promise<void> {
  const account = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, email: true, twoFactorEnabled: true },
  });
  if (!account) throw new AppError(404, 'NOT_FOUND', 'This account was already deleted.');
  await confirmPassword(account, confirmation.password, headers, ip);
  if (account.twoFactorEnabled) await confirmSecondFactor(confirmation.code, headers);
  const { id, username, email } = account;
  await endBroadcasting(id);
  await removeRecordingsOf(id);
  // One stranger's name for all of this account's visits: unique-viewer counts of those broadcasts stay right.
  const anonymousViewer = `deleted-${randomUUID()}`;
  const deleted = await prisma.$transaction(async (tx) => {
    // Live-state transactions (webhooks) lock the stream row first and then touch rows the cascade deletes: take
    // the stream first here too, so a late webhook of the broadcast just ended waits instead of deadlocking.
    await tx.$queryRaw`SELECT 1 FROM "Stream" WHERE "userId" = ${id} FOR UPDATE`;
    await tx.chatMessage.deleteMany({ where: { hostId: id } });
    await tx.chatMessage.updateMany({
      where: { OR: [{ senderUserId: id }, { senderIdentity: id }] },
      data: { senderUserId: null, senderIdentity: DELETED_SENDER.identity, senderName: DELETED_SENDER.name },
    });
    await tx.chatSanction.deleteMany({ where: { OR: [{ hostId: id }, { identity: id }] } });
    await tx.viewerPresence.updateMany({ where: { identity: id }, data: { identity: anonymousViewer } });
    await tx.replay.deleteMany({ where: { hostId: id } });
    // Limit counters and reset tokens are keyed by id, address or name.
    await tx.rateLimitCounter.deleteMany({
      where: { OR: [{ key: { contains: id } }, { key: { contains: email } }, { key: { contains: `:name:${username}` } }] },
    });
    await tx.verification.deleteMany({
      where: { OR: [{ value: id }, { identifier: { contains: id } }, { identifier: { contains: email } }] },
    });
    // Sessions, passkeys, two-factor secrets, keys, the stream and its broadcasts, follows, blocks, uploads,
    // notifications: by cascade.
    return (await tx.user.deleteMany({ where: { id } })).count;
  });
  if (!deleted) throw new AppError(404, 'NOT_FOUND', 'This account was already deleted.');
  await forgetCachedSessions(id);
  await publicChannelChanged(username);
}
