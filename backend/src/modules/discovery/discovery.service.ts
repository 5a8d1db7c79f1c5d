import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import type { PageQuery, StreamCard } from './discovery.schemas.ts';

const cardSelect = {
  id: true,
  displayUsername: true,
  name: true,
  image: true,
  stream: { select: { title: true, thumbnailUrl: true, isLive: true, viewerCount: true, startedAt: true } },
} satisfies Prisma.UserSelect;

type CardRow = Prisma.UserGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): StreamCard {
  return {
    hostId: row.id,
    username: row.displayUsername,
    displayName: row.name,
    avatarUrl: row.image,
    title: row.stream?.title ?? '',
    thumbnailUrl: row.stream?.thumbnailUrl ?? null,
    isLive: row.stream?.isLive ?? false,
    viewerCount: row.stream?.isLive ? row.stream.viewerCount : 0,
    startedAt: row.stream?.isLive ? (row.stream.startedAt?.toISOString() ?? null) : null,
  };
}

/** Creators who blocked the viewer are hidden from everything the viewer browses. */
function notBlocking(viewerId: string | undefined): Prisma.UserWhereInput {
  return viewerId ? { blocking: { none: { blockedId: viewerId } } } : {};
}

export async function listLiveStreams(query: PageQuery, viewerId?: string) {
  const where: Prisma.UserWhereInput = { stream: { isLive: true }, ...notBlocking(viewerId) };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: cardSelect,
      orderBy: [{ stream: { viewerCount: 'desc' } }, { stream: { startedAt: 'asc' } }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
  ]);
  return { items: rows.map(toCard), total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
}

/** Live first (most viewers first), then offline ones by name. */
export async function listFollowedCreators(viewerId: string) {
  const rows = await prisma.user.findMany({
    where: { followers: { some: { followerId: viewerId } }, ...notBlocking(viewerId) },
    select: cardSelect,
  });
  const items = rows.map(toCard).sort(
    (a, b) => Number(b.isLive) - Number(a.isLive) || b.viewerCount - a.viewerCount || a.username.localeCompare(b.username),
  );
  return { items };
}

/** Live first, then popular (most followers); never the viewer, nor creators who blocked them. */
export async function listRecommended(limit: number, viewerId?: string) {
  const where: Prisma.UserWhereInput = { ...notBlocking(viewerId), ...(viewerId && { id: { not: viewerId } }), stream: { isNot: null } };
  const live = await prisma.user.findMany({
    where: { ...where, stream: { isLive: true } },
    select: cardSelect,
    orderBy: { stream: { viewerCount: 'desc' } },
    take: limit,
  });
  const popular =
    live.length < limit
      ? await prisma.user.findMany({
          where: { ...where, stream: { isLive: false } },
          select: cardSelect,
          orderBy: [{ followers: { _count: 'desc' } }, { createdAt: 'asc' }],
          take: limit - live.length,
        })
      : [];
  return { items: [...live, ...popular].map(toCard) };
}

/** `contains` is a LIKE pattern: `%`, `_` and `\` in what someone typed are literal characters. */
const literal = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export async function searchCreators(q: string, limit: number, viewerId?: string) {
  const pattern = literal(q);
  const rows = await prisma.user.findMany({
    where: {
      ...notBlocking(viewerId),
      OR: [
        { username: { contains: pattern.toLowerCase() } },
        { name: { contains: pattern, mode: 'insensitive' } },
        { stream: { title: { contains: pattern, mode: 'insensitive' } } },
      ],
    },
    select: cardSelect,
    orderBy: [{ stream: { isLive: 'desc' } }, { username: 'asc' }],
    take: limit,
  });
  return { items: rows.map(toCard) };
}

/** The watch page's public view of a channel: profile, stream state and chat rules (no key, no ingress data). */
export async function getPublicStream(username: string, viewerId?: string) {
  const user = await prisma.user.findUnique({
    where: { username: username.toLowerCase() },
    select: {
      ...cardSelect,
      bio: true,
      stream: {
        select: {
          title: true,
          description: true,
          thumbnailUrl: true,
          isLive: true,
          viewerCount: true,
          startedAt: true,
          isChatEnabled: true,
          isChatFollowersOnly: true,
          slowModeSeconds: true,
          guestsMayChat: true,
        },
      },
      _count: { select: { followers: true } },
    },
  });
  if (!user) throw notFound(`There is no creator called “${username}”.`);
  const isFollowing = viewerId
    ? Boolean(await prisma.follow.findUnique({ where: { followerId_followingId: { followerId: viewerId, followingId: user.id } } }))
    : false;
  const stream = user.stream;
  return {
    ...toCard(user),
    bio: user.bio,
    description: stream?.description ?? null,
    followerCount: user._count.followers,
    isFollowing,
    isOwner: viewerId === user.id,
    chat: {
      isChatEnabled: stream?.isChatEnabled ?? true,
      isChatFollowersOnly: stream?.isChatFollowersOnly ?? false,
      slowModeSeconds: stream?.slowModeSeconds ?? 0,
      guestsMayChat: stream?.guestsMayChat ?? true,
    },
  };
}
