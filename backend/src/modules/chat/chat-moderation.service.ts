import { TwirpError } from 'livekit-server-sdk';
import { prisma } from '../../lib/prisma.ts';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { isDependencyUnavailable } from '../../http/dependency-errors.ts';
import { block, isBlockedBy } from '../social/social.service.ts';
import { GUEST_IDENTITY_PREFIX, selfViewIdentity } from '@streamhouse/contract';
import { publishChatEvent } from './chat-broadcast.service.ts';
import { getChatRoom, roomChanged, setPinnedMessageId } from './chat-settings.service.ts';
import { roleLookup, toMessageView } from './chat.service.ts';
import type { ChatMessage as ChatMessageView } from '@streamhouse/contract/events';
import type { AddModeratorBody, ModeratorView } from './chat.schemas.ts';

/**
 * Whether a signed-in user may moderate `hostId`'s chat: the creator, or someone they appointed and have not
 * blocked since (blocking removes the role; this also covers the moment in between).
 */
export async function canModerate(hostId: string, userId: string): Promise<boolean> {
  if (userId === hostId) return true;
  const moderator = await prisma.chatModerator.findFirst({
    where: { hostId, userId, user: { blockedBy: { none: { blockerId: hostId } } } },
    select: { userId: true },
  });
  return Boolean(moderator);
}

/** The network a guest last chatted from in this room, so a sanction follows them to a new identity. */
async function guestNetwork(hostId: string, identity: string): Promise<string | null> {
  if (!isGuestIdentity(identity)) return null;
  const last = await prisma.chatMessage.findFirst({
    where: { hostId, senderIdentity: identity, senderNetwork: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { senderNetwork: true },
  });
  return last?.senderNetwork ?? null;
}

const isGuestIdentity = (identity: string) => identity.startsWith(GUEST_IDENTITY_PREFIX);

/** Nobody moderates the creator or themselves; only the creator moderates a moderator. */
async function assertMayModerate(hostId: string, actorId: string, identity: string): Promise<void> {
  if (identity === hostId || identity === selfViewIdentity(hostId))
    throw forbidden("The creator can't be moderated in their own chat.", { reason: 'CREATOR' });
  if (identity === actorId) throw new AppError(400, 'BAD_REQUEST', "You can't moderate yourself.", { reason: 'SELF' });
  if (actorId !== hostId && !isGuestIdentity(identity) && (await canModerate(hostId, identity)))
    throw forbidden('Only the creator can moderate a moderator.', { reason: 'NOT_OWNER' });
}

/** Removes a message for everyone (kept in the database, marked deleted). Idempotent. */
export async function deleteMessage(hostId: string, messageId: string): Promise<void> {
  const [room, message] = await Promise.all([
    getChatRoom(hostId),
    prisma.chatMessage.findFirst({ where: { id: messageId, hostId }, select: { deletedAt: true } }),
  ]);
  if (!message) throw notFound('That message is not in this chat.');
  if (!message.deletedAt) await prisma.chatMessage.update({ where: { id: messageId }, data: { deletedAt: new Date() } });
  if (room.pinnedMessageId === messageId) {
    await setPinnedMessageId(hostId, null);
    await publishChatEvent(hostId, { type: 'pin', message: null });
  }
  await publishChatEvent(hostId, { type: 'delete', messageId });
}

/** Removes every message for everyone, and the pin. */
export async function clearChat(hostId: string): Promise<{ cleared: number }> {
  await getChatRoom(hostId);
  const [{ count }] = await prisma.$transaction([
    prisma.chatMessage.updateMany({ where: { hostId, deletedAt: null }, data: { deletedAt: new Date() } }),
    prisma.stream.updateMany({ where: { userId: hostId }, data: { pinnedMessageId: null } }),
  ]);
  await roomChanged(hostId);
  await publishChatEvent(hostId, { type: 'clear' });
  return { cleared: count };
}

export async function pinMessage(hostId: string, messageId: string): Promise<ChatMessageView> {
  const row = await prisma.chatMessage.findFirst({ where: { id: messageId, hostId, deletedAt: null } });
  if (!row) throw notFound('That message is not in this chat.');
  await setPinnedMessageId(hostId, messageId);
  const message = toMessageView(row, (await roleLookup(hostId))(row));
  await publishChatEvent(hostId, { type: 'pin', message });
  return message;
}

export async function unpinMessage(hostId: string): Promise<void> {
  await getChatRoom(hostId);
  await setPinnedMessageId(hostId, null);
  await publishChatEvent(hostId, { type: 'pin', message: null });
}

/** Silences an identity (user or guest) for `minutes`; a new timeout replaces the old one. */
export async function timeOut(
  hostId: string,
  actorId: string,
  identity: string,
  minutes: number,
): Promise<{ expiresAt: string }> {
  await assertMayModerate(hostId, actorId, identity);
  const expiresAt = new Date(Date.now() + minutes * 60_000);
  const network = await guestNetwork(hostId, identity);
  await prisma.$transaction([
    prisma.chatSanction.deleteMany({ where: { hostId, identity, kind: 'TIMEOUT' } }),
    prisma.chatSanction.create({ data: { hostId, identity, network, kind: 'TIMEOUT', expiresAt } }),
  ]);
  await roomChanged(hostId);
  await publishChatEvent(hostId, { type: 'timeout', expiresAt: expiresAt.toISOString() }, [identity]);
  return { expiresAt: expiresAt.toISOString() };
}

async function removeGuestFromRoom(hostId: string, identity: string): Promise<void> {
  try {
    await roomService.removeParticipant(hostId, identity);
  } catch (error) {
    if (error instanceof TwirpError && (error.code === 'not_found' || error.status === 404)) return;
    if (isDependencyUnavailable(error)) throw error;
    logger.error({ err: error, hostId, identity }, 'could not remove a banned guest from the room');
    throw new AppError(
      502,
      'UPSTREAM_FAILED',
      'The guest is banned, but we could not remove them from the room just now. Please try again.',
    );
  }
}

/**
 * A signed-in user is blocked by the creator (which also ends follows and removes them from the room); a
 * guest, who has no account, is banned by identity and removed from the room.
 */
export async function ban(hostId: string, actorId: string, identity: string): Promise<void> {
  await assertMayModerate(hostId, actorId, identity);
  if (!isGuestIdentity(identity)) {
    const user = await prisma.user.findUnique({ where: { id: identity }, select: { id: true } });
    if (!user) throw notFound('No such user.');
    await block(hostId, identity);
    return;
  }
  const existing = await prisma.chatSanction.count({ where: { hostId, identity, kind: 'BAN' } });
  if (!existing)
    await prisma.chatSanction.create({ data: { hostId, identity, network: await guestNetwork(hostId, identity), kind: 'BAN' } });
  await roomChanged(hostId);
  await removeGuestFromRoom(hostId, identity);
}

const MODERATOR_FIELDS = { id: true, username: true, displayUsername: true, name: true, image: true } as const;

export async function listModerators(hostId: string): Promise<ModeratorView[]> {
  const rows = await prisma.chatModerator.findMany({
    where: { hostId },
    orderBy: { createdAt: 'asc' },
    select: { user: { select: MODERATOR_FIELDS } },
  });
  return rows.map((row) => row.user);
}

/** Idempotent. Tells the new moderator's open panel, so their moderation menu appears without a reload. */
export async function addModerator(hostId: string, ref: AddModeratorBody): Promise<ModeratorView> {
  const user = await prisma.user.findUnique({
    where: ref.userId ? { id: ref.userId } : { username: ref.username!.toLowerCase() },
    select: MODERATOR_FIELDS,
  });
  if (!user) throw notFound(ref.username ? `There is no user called “${ref.username}”.` : 'No such user.');
  if (user.id === hostId) throw new AppError(400, 'BAD_REQUEST', 'You already moderate your own chat.', { reason: 'SELF' });
  if (await isBlockedBy(hostId, user.id))
    throw conflict(`You blocked ${user.displayUsername}. Unblock them to make them a moderator.`);
  await prisma.chatModerator.createMany({ data: [{ hostId, userId: user.id }], skipDuplicates: true });
  await roomChanged(hostId);
  await publishChatEvent(hostId, { type: 'role', canModerate: true }, [user.id]);
  return user;
}

/** Idempotent. */
export async function removeModerator(hostId: string, userId: string): Promise<void> {
  const { count } = await prisma.chatModerator.deleteMany({ where: { hostId, userId } });
  await roomChanged(hostId);
  if (count) await publishChatEvent(hostId, { type: 'role', canModerate: false }, [userId]);
}
