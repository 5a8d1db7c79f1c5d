import { TwirpError } from 'livekit-server-sdk';
import { prisma } from '../../lib/prisma.ts';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { AppError, conflict, forbidden } from '../../http/errors.ts';
import { isDependencyUnavailable } from '../../http/dependency-errors.ts';
import { encodeFollowingCursor, type BlockedUser, type FollowedUser, type FollowingPage } from './social.schemas.ts';
import { invalidatedCache } from '../../lib/invalidated-cache.ts';
import { roomChanged } from '../chat/chat-settings.service.ts';

const SUMMARY_FIELDS = { id: true, username: true, displayUsername: true, name: true, image: true } as const;

function refuseSelf(actorId: string, targetId: string, action: string): void {
  if (actorId === targetId) throw new AppError(400, 'BAD_REQUEST', `You can't ${action} yourself.`, { reason: 'SELF' });
}

export async function followCounts(userId: string): Promise<{ followerCount: number; followingCount: number }> {
  const [followerCount, followingCount] = await Promise.all([
    prisma.follow.count({ where: { followingId: userId } }),
    prisma.follow.count({ where: { followerId: userId } }),
  ]);
  return { followerCount, followingCount };
}

/** How a signed-in viewer relates to another user. */
export async function relationship(viewerId: string, userId: string): Promise<{ isFollowing: boolean; isBlocking: boolean }> {
  const [followRow, blockRow] = await Promise.all([
    prisma.follow.findUnique({
      where: { followerId_followingId: { followerId: viewerId, followingId: userId } },
      select: { createdAt: true },
    }),
    prisma.block.findUnique({
      where: { blockerId_blockedId: { blockerId: viewerId, blockedId: userId } },
      select: { createdAt: true },
    }),
  ]);
  return { isFollowing: Boolean(followRow), isBlocking: Boolean(blockRow) };
}

/** How a viewer stands with a creator: what chat rules and tokens ask on every message and join. */
export type ViewerRelation = { isFollowing: boolean; isBlocked: boolean };

/** Held per instance, dropped on every instance (PostgreSQL NOTIFY) by follow, unfollow, block and unblock. */
const relations = invalidatedCache<ViewerRelation>({
  channel: 'viewer_relation',
  max: 100_000,
  ttlMs: 60_000,
  load: async (key) => {
    const [hostId = '', userId = ''] = key.split('/');
    const [followRow, blockRow] = await Promise.all([
      prisma.follow.findUnique({
        where: { followerId_followingId: { followerId: userId, followingId: hostId } },
        select: { createdAt: true },
      }),
      prisma.block.findUnique({
        where: { blockerId_blockedId: { blockerId: hostId, blockedId: userId } },
        select: { createdAt: true },
      }),
    ]);
    return { isFollowing: Boolean(followRow), isBlocked: Boolean(blockRow) };
  },
});

/** Whether `userId` follows `hostId`, and whether `hostId` blocked them. */
export function relationToHost(hostId: string, userId: string): Promise<ViewerRelation> {
  return relations.get(`${hostId}/${userId}`);
}

/** After a follow or block changed between two users, in either direction. */
export async function relationChanged(
  a: string,
  b: string,
  db: Parameters<typeof relations.invalidate>[0] = prisma,
): Promise<void> {
  await Promise.all([relations.invalidate(db, `${a}/${b}`), relations.invalidate(db, `${b}/${a}`)]);
}

/** Whether anyone blocked this user: lists leave those creators out, and most viewers are blocked by nobody. */
const blockedByAnyone = invalidatedCache<{ blocked: boolean }>({
  channel: 'blocked_by_anyone',
  max: 100_000,
  ttlMs: 60_000,
  load: async (userId) => ({ blocked: (await prisma.block.count({ where: { blockedId: userId } })) > 0 }),
});

export async function isBlockedByAnyone(userId: string): Promise<boolean> {
  return (await blockedByAnyone.get(userId)).blocked;
}

/** Whether `hostId` has blocked `userId`: the token and chat rules ask this. */
export async function isBlockedBy(hostId: string, userId: string): Promise<boolean> {
  return (await relationToHost(hostId, userId)).isBlocked;
}

/** Idempotent: following twice is one follow. Refused between users where either blocked the other. */
export async function follow(followerId: string, followingId: string): Promise<{ following: true; followerCount: number }> {
  refuseSelf(followerId, followingId, 'follow');
  const blockBetween = await prisma.block.findFirst({
    where: {
      OR: [
        { blockerId: followingId, blockedId: followerId },
        { blockerId: followerId, blockedId: followingId },
      ],
    },
    select: { blockerId: true },
  });
  if (blockBetween?.blockerId === followerId) throw conflict('You blocked this user. Unblock them to follow them.');
  if (blockBetween) throw forbidden("You can't follow this user.", { reason: 'BLOCKED' });
  await prisma.follow.createMany({ data: [{ followerId, followingId }], skipDuplicates: true });
  await relationChanged(followerId, followingId);
  return { following: true, followerCount: (await followCounts(followingId)).followerCount };
}

/** Idempotent: unfollowing someone you do not follow changes nothing. */
export async function unfollow(followerId: string, followingId: string): Promise<{ following: false; followerCount: number }> {
  await prisma.follow.deleteMany({ where: { followerId, followingId } });
  await relationChanged(followerId, followingId);
  return { following: false, followerCount: (await followCounts(followingId)).followerCount };
}

/**
 * Blocks a user: ends follows both ways, takes away any moderator role in the blocker's chat, and removes them
 * from the blocker's live room at once (their existing tokens for that room are revoked too). Idempotent, so
 * it can be retried if LiveKit was down.
 */
export async function block(blockerId: string, blockedId: string): Promise<{ blocked: true }> {
  refuseSelf(blockerId, blockedId, 'block');
  await prisma.$transaction([
    prisma.block.createMany({ data: [{ blockerId, blockedId }], skipDuplicates: true }),
    prisma.follow.deleteMany({
      where: {
        OR: [
          { followerId: blockerId, followingId: blockedId },
          { followerId: blockedId, followingId: blockerId },
        ],
      },
    }),
    prisma.chatModerator.deleteMany({ where: { hostId: blockerId, userId: blockedId } }),
  ]);
  await relationChanged(blockerId, blockedId);
  await blockedByAnyone.invalidate(prisma, blockedId);
  await roomChanged(blockerId);
  await removeFromRoom(blockerId, blockedId);
  return { blocked: true };
}

export async function unblock(blockerId: string, blockedId: string): Promise<{ blocked: false }> {
  await prisma.block.deleteMany({ where: { blockerId, blockedId } });
  await relationChanged(blockerId, blockedId);
  await blockedByAnyone.invalidate(prisma, blockedId);
  return { blocked: false };
}

/** The room is the host's user id; a signed-in viewer's identity is their user id. */
async function removeFromRoom(hostId: string, userId: string): Promise<void> {
  try {
    await roomService.removeParticipant(hostId, userId);
  } catch (error) {
    // Not in the room (or no room: the host is offline) is the usual case, not a failure.
    if (error instanceof TwirpError && (error.code === 'not_found' || error.status === 404)) return;
    // LiveKit down: 503 with Retry-After (the block is stored; retrying is safe).
    if (isDependencyUnavailable(error)) throw error;
    logger.error({ err: error, hostId, userId }, 'could not remove a blocked user from the room');
    throw new AppError(
      502,
      'UPSTREAM_FAILED',
      'The user is blocked, but we could not remove them from your live room just now. Please try again.',
    );
  }
}

/** Newest follows first; the cursor is the last row's (followedAt, id), so unfollows between pages skip nothing. */
export async function listFollowing(
  userId: string,
  page: FollowingPage,
): Promise<{ users: FollowedUser[]; nextCursor: string | null }> {
  const after = page.cursor;
  const rows = await prisma.follow.findMany({
    where: {
      followerId: userId,
      ...(after && {
        OR: [{ createdAt: { lt: after.followedAt } }, { createdAt: after.followedAt, followingId: { gt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: 'desc' }, { followingId: 'asc' }],
    take: page.limit + 1,
    select: { createdAt: true, following: { select: { ...SUMMARY_FIELDS, stream: { select: { isLive: true } } } } },
  });
  const users = rows.slice(0, page.limit).map(({ createdAt, following: { stream, ...user } }) => ({
    ...user,
    isLive: stream?.isLive ?? false,
    followedAt: createdAt.toISOString(),
  }));
  const last = users.at(-1);
  return { users, nextCursor: rows.length > page.limit && last ? encodeFollowingCursor(last) : null };
}

export async function listBlocked(userId: string): Promise<BlockedUser[]> {
  const rows = await prisma.block.findMany({
    where: { blockerId: userId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, blocked: { select: SUMMARY_FIELDS } },
  });
  return rows.map(({ createdAt, blocked }) => ({ ...blocked, blockedAt: createdAt.toISOString() }));
}
