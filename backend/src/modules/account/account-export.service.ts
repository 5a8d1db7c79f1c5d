import { prisma } from '../../lib/prisma.ts';
import type { AccountExport } from './account.schemas.ts';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/**
 * Everything the site keeps about an account, for its owner to take away: profile, channel settings, follows and
 * blocks, every chat message they sent (with the channel), their replays' details and their broadcasts' figures.
 * Secrets (password hash, stream key, session tokens) stay out.
 */
export async function exportAccount(userId: string): Promise<AccountExport> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      stream: { include: { category: { select: { slug: true } } } },
      following: { select: { createdAt: true, following: { select: { displayUsername: true } } } },
      blocking: { select: { createdAt: true, blocked: { select: { displayUsername: true } } } },
      sessions: { select: { createdAt: true, updatedAt: true, userAgent: true } },
      replaySettings: true,
    },
  });
  const [messages, replays, broadcasts, followers] = await Promise.all([
    prisma.chatMessage.findMany({
      where: { OR: [{ senderUserId: userId }, { senderIdentity: userId }] },
      orderBy: { createdAt: 'asc' },
      select: { hostId: true, body: true, createdAt: true, deletedAt: true },
    }),
    prisma.replay.findMany({
      where: { hostId: userId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, title: true, status: true, createdAt: true, endedAt: true, durationMs: true, sizeBytes: true },
    }),
    prisma.streamSession.findMany({
      where: { stream: { userId } },
      orderBy: { startedAt: 'asc' },
      select: {
        startedAt: true,
        endedAt: true,
        peakViewers: true,
        chatMessageCount: true,
        _count: { select: { presences: true } },
      },
    }),
    prisma.follow.count({ where: { followingId: userId } }),
  ]);
  const hosts = await prisma.user.findMany({
    where: { id: { in: [...new Set(messages.map((message) => message.hostId))] } },
    select: { id: true, displayUsername: true },
  });
  const channelOf = new Map(hosts.map((host) => [host.id, host.displayUsername]));
  const stream = user.stream;
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      username: user.displayUsername,
      displayName: user.name,
      email: user.email,
      emailConfirmed: user.emailVerified,
      bio: user.bio,
      image: user.image,
      createdAt: user.createdAt.toISOString(),
      followers,
    },
    channel: stream
      ? {
          title: stream.title,
          description: stream.description,
          category: stream.category?.slug ?? null,
          tags: stream.tags,
          chatEnabled: stream.isChatEnabled,
          followersOnlyChat: stream.isChatFollowersOnly,
          guestsMayChat: stream.guestsMayChat,
          slowModeSeconds: stream.slowModeSeconds,
          scheduledAt: iso(stream.scheduledAt),
          recording: user.replaySettings
            ? {
                enabled: user.replaySettings.recordingEnabled,
                visibility: user.replaySettings.visibility,
                retentionDays: user.replaySettings.retentionDays,
              }
            : null,
        }
      : null,
    following: user.following.map((follow) => ({
      username: follow.following.displayUsername,
      since: follow.createdAt.toISOString(),
    })),
    blocked: user.blocking.map((block) => ({ username: block.blocked.displayUsername, since: block.createdAt.toISOString() })),
    chatMessages: messages.map((message) => ({
      channel: channelOf.get(message.hostId) ?? null,
      body: message.body,
      sentAt: message.createdAt.toISOString(),
      deletedAt: iso(message.deletedAt),
    })),
    replays: replays.map((replay) => ({
      id: replay.id,
      title: replay.title,
      status: replay.status,
      recordedAt: replay.createdAt.toISOString(),
      endedAt: iso(replay.endedAt),
      durationMs: replay.durationMs,
      sizeBytes: replay.sizeBytes === null ? null : Number(replay.sizeBytes),
    })),
    broadcasts: broadcasts.map((broadcast) => ({
      startedAt: broadcast.startedAt.toISOString(),
      endedAt: iso(broadcast.endedAt),
      peakViewers: broadcast.peakViewers,
      viewerVisits: broadcast._count.presences,
      chatMessages: broadcast.chatMessageCount,
    })),
    sessions: user.sessions.map((session) => ({
      signedInAt: session.createdAt.toISOString(),
      lastActiveAt: session.updatedAt.toISOString(),
      userAgent: session.userAgent,
    })),
  };
}
