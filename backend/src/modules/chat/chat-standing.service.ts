import { relationToHost } from '../social/social.service.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { ChatSender } from './chat-sender.service.ts';
import type { ChatRoom } from './chat-settings.service.ts';
import type { SenderRole } from '@streamhouse/contract/events';

/** Why someone may not take part at all: the creator blocked them, a moderator banned or timed them out. */
export type ChatRestriction = { reason: 'BLOCKED' } | { reason: 'BANNED' } | { reason: 'TIMED_OUT'; expiresAt: Date };

/** Where a sender stands in a room right now. */
export type ChatStanding = {
  isOwner: boolean;
  canModerate: boolean;
  isFollowing: boolean;
  restriction: ChatRestriction | null;
};

/**
 * Where a sender stands in a room right now. The room (moderators, sanctions) and the viewer's follow and block
 * come from per-instance caches that every instance drops on a change (PostgreSQL NOTIFY), so no query runs for
 * a sender the instance has seen.
 */
export async function chatStanding(room: ChatRoom, sender: ChatSender): Promise<ChatStanding> {
  const { userId } = sender;
  if (userId === room.hostId) return { isOwner: true, canModerate: true, isFollowing: true, restriction: null };
  const relation = userId ? await relationToHost(room.hostId, userId) : { isFollowing: false, isBlocked: false };
  const now = Date.now();
  // A guest is sanctioned by identity or by the network they chat from (a new identity resets nothing).
  const sanctions = room.sanctions.filter(
    (sanction) =>
      (sanction.identity === sender.identity || (sender.network !== null && sanction.network === sender.network)) &&
      (sanction.kind === 'BAN' || (sanction.expiresAt !== null && sanction.expiresAt.getTime() > now)),
  );
  const timeout = sanctions
    .filter((sanction) => sanction.kind === 'TIMEOUT')
    .sort((a, b) => b.expiresAt!.getTime() - a.expiresAt!.getTime())[0];
  const restriction: ChatRestriction | null = relation.isBlocked
    ? { reason: 'BLOCKED' }
    : sanctions.some((sanction) => sanction.kind === 'BAN')
      ? { reason: 'BANNED' }
      : timeout
        ? { reason: 'TIMED_OUT', expiresAt: timeout.expiresAt! }
        : null;
  return {
    isOwner: false,
    // A moderator the creator blocked has lost the role (block() removes it; this guards the moment between).
    canModerate: Boolean(userId && room.moderatorIds.has(userId)) && !relation.isBlocked,
    isFollowing: relation.isFollowing,
    restriction,
  };
}

export function badgeFor(standing: ChatStanding): SenderRole {
  return standing.isOwner ? 'creator' : standing.canModerate ? 'moderator' : null;
}

function minutesLeft(expiresAt: Date): string {
  const minutes = Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 60_000));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** Blocked, banned and timed-out senders may neither chat nor react. */
export function assertNotRestricted(standing: ChatStanding): void {
  const restriction = standing.restriction;
  if (!restriction) return;
  if (restriction.reason === 'BLOCKED') throw forbidden("You can't chat in this channel.", { reason: 'BLOCKED' });
  if (restriction.reason === 'BANNED') throw forbidden('You are banned from this chat.', { reason: 'BANNED' });
  throw forbidden(`You are timed out. You can chat again in ${minutesLeft(restriction.expiresAt)}.`, {
    reason: 'TIMED_OUT',
    retryAfterMs: Math.max(0, restriction.expiresAt.getTime() - Date.now()),
  });
}

/** Every rule except the rate limit and slow mode (those count time, see chat.service.ts). */
export function assertMayChat(room: ChatRoom, sender: ChatSender, standing: ChatStanding): void {
  if (!room.settings.isChatEnabled) throw forbidden('Chat is turned off for this stream.', { reason: 'CHAT_DISABLED' });
  assertNotRestricted(standing);
  if (sender.isGuest && !room.settings.guestsMayChat)
    throw forbidden(`${room.hostName} lets only signed-in viewers chat. Sign in to chat.`, { reason: 'GUESTS_CANNOT_CHAT' });
  if (room.settings.isChatFollowersOnly && !standing.canModerate && !standing.isFollowing) {
    const how = sender.isGuest ? `Sign in and follow ${room.hostName} to chat.` : `Follow ${room.hostName} to chat.`;
    throw forbidden(`This chat is for followers only. ${how}`, { reason: 'FOLLOWERS_ONLY' });
  }
}

export const tooFast = (retryAfterMs: number) =>
  new AppError(429, 'RATE_LIMITED', "You're sending messages too fast. Wait a moment.", { reason: 'TOO_FAST', retryAfterMs });

export const slowModeRefusal = (retryAfterMs: number) =>
  new AppError(429, 'RATE_LIMITED', `Slow mode is on: you can send another message in ${Math.ceil(retryAfterMs / 1000)} s.`, {
    reason: 'SLOW_MODE',
    retryAfterMs,
  });
