import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import { invalidatedCache } from '../../lib/invalidated-cache.ts';
import { isBlockedByAnyone, relationToHost } from '../social/social.service.ts';
import { getChatRoom } from '../chat/chat-settings.service.ts';
import type { PageQuery, StreamCard } from './discovery.schemas.ts';
import { liveSnapshotSelect, liveSnapshotUrl } from '../recordings/live-snapshots.service.ts';

const cardSelect = {
  id: true,
  displayUsername: true,
  name: true,
  image: true,
  stream: {
    select: {
      title: true,
      thumbnailUrl: true,
      isLive: true,
      viewerCount: true,
      startedAt: true,
      tags: true,
      category: { select: { slug: true, name: true } },
      ...liveSnapshotSelect,
    },
  },
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
    liveThumbnailUrl: row.stream?.isLive ? liveSnapshotUrl(row.displayUsername, row.stream.sessions[0]?.replay) : null,
    isLive: row.stream?.isLive ?? false,
    viewerCount: row.stream?.isLive ? row.stream.viewerCount : 0,
    startedAt: row.stream?.isLive ? (row.stream.startedAt?.toISOString() ?? null) : null,
    category: row.stream?.category ?? null,
    tags: row.stream?.tags ?? [],
  };
}

/** Creators who blocked the viewer are hidden from everything the viewer browses. */
function notBlocking(viewerId: string | undefined): Prisma.UserWhereInput {
  return viewerId ? { blocking: { none: { blockedId: viewerId } } } : {};
}

/**
 * Every home page asks for these lists, and a raid changes them every second: they are read once per second
 * per instance (and at once after a stream goes live or offline, or changes its title, anywhere) and shared by
 * everyone nobody blocked. Viewer counts in them may be up to a second old; pages get exact counts from the
 * event stream.
 */
const PUBLIC_TTL_MS = 1000;
const publicLists = invalidatedCache<{ value: unknown }>({
  channel: 'public_lists',
  max: 1000,
  ttlMs: PUBLIC_TTL_MS,
  load: async (key) => {
    const [kind, first = '1', second = '12'] = key.split(':');
    if (kind === 'live') return { value: await queryLiveStreams({ page: Number(first), limit: Number(second) }) };
    return { value: await queryRecommended(Number(first)) };
  },
});

type Executor = Parameters<typeof publicLists.invalidateAll>[0];

/** After a stream went live or offline, or its title, picture or creator's profile changed. */
export async function publicChannelChanged(username: string, db: Executor = prisma): Promise<void> {
  await Promise.all([publicLists.invalidateAll(db), publicChannels.invalidate(db, username.toLowerCase())]);
}

export async function listLiveStreams(query: PageQuery, viewerId?: string) {
  if (!viewerId || !(await isBlockedByAnyone(viewerId)))
    return (await publicLists.get(`live:${query.page}:${query.limit}`)).value as Awaited<ReturnType<typeof queryLiveStreams>>;
  return queryLiveStreams(query, viewerId);
}

async function queryLiveStreams(query: PageQuery, viewerId?: string) {
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
  const items = rows
    .map(toCard)
    .sort((a, b) => Number(b.isLive) - Number(a.isLive) || b.viewerCount - a.viewerCount || a.username.localeCompare(b.username));
  return { items };
}

/** Live first, then popular (most followers); never the viewer, nor creators who blocked them. */
export async function listRecommended(limit: number, viewerId?: string) {
  if (viewerId && (await isBlockedByAnyone(viewerId))) return queryRecommended(limit, viewerId);
  // One more than asked for, so leaving out the viewer's own channel still fills the list.
  const { items } = (await publicLists.get(`recommended:${limit + 1}`)).value as Awaited<ReturnType<typeof queryRecommended>>;
  return { items: items.filter((card) => card.hostId !== viewerId).slice(0, limit) };
}

async function queryRecommended(limit: number, viewerId?: string) {
  const where: Prisma.UserWhereInput = {
    ...notBlocking(viewerId),
    ...(viewerId && { id: { not: viewerId } }),
    stream: { isNot: null },
  };
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
        // Tags are stored lower-cased: a search for a whole tag finds it whatever the case.
        { stream: { tags: { has: q.trim().toLowerCase() } } },
      ],
    },
    select: cardSelect,
    orderBy: [{ stream: { isLive: 'desc' } }, { username: 'asc' }],
    take: limit,
  });
  return { items: rows.map(toCard) };
}

async function queryPublicChannel(username: string) {
  const user = await prisma.user.findUnique({
    where: { username },
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
          tags: true,
          category: { select: { slug: true, name: true } },
          ...liveSnapshotSelect,
        },
      },
      _count: { select: { followers: true } },
    },
  });
  if (!user) return { channel: null };
  const stream = user.stream;
  return {
    channel: {
      ...toCard(user),
      bio: user.bio,
      description: stream?.description ?? null,
      followerCount: user._count.followers,
    },
  };
}

/** Watch pages of a raided channel, read once per second per instance (and at once after it changes). */
const publicChannels = invalidatedCache({
  channel: 'public_channel',
  max: 10_000,
  ttlMs: PUBLIC_TTL_MS,
  load: queryPublicChannel,
});

/** The watch page's public view of a channel: profile, stream state and chat rules (no key, no ingress data). */
export async function getPublicStream(username: string, viewerId?: string) {
  const { channel } = await publicChannels.get(username.toLowerCase());
  if (!channel) throw notFound(`There is no creator called “${username}”.`);
  const [relation, room] = await Promise.all([
    viewerId && viewerId !== channel.hostId ? relationToHost(channel.hostId, viewerId) : undefined,
    // The chat's rules come from the chat's own cache, which every change to them drops.
    getChatRoom(channel.hostId),
  ]);
  return { ...channel, chat: room.settings, isFollowing: relation?.isFollowing ?? false, isOwner: viewerId === channel.hostId };
}

type CategoryCountRow = {
  slug: string;
  name: string;
  coverFrom: string;
  coverTo: string;
  liveCount: number;
  viewerCount: number;
};

function toBrowseCategory(row: CategoryCountRow) {
  return {
    slug: row.slug,
    name: row.name,
    cover: { from: row.coverFrom, to: row.coverTo },
    liveCount: row.liveCount,
    viewerCount: row.viewerCount,
  };
}

/** Every category with its live count (one grouped query), most live first. Blocked creators still count: counts are public. */
export async function listCategories() {
  const rows = await prisma.$queryRaw<CategoryCountRow[]>`
    SELECT c."slug", c."name", c."coverFrom", c."coverTo",
           COUNT(s."id")::int AS "liveCount", COALESCE(SUM(s."viewerCount"), 0)::int AS "viewerCount"
    FROM "Category" c LEFT JOIN "Stream" s ON s."categoryId" = c."id" AND s."isLive"
    GROUP BY c."id"
    ORDER BY "liveCount" DESC, "viewerCount" DESC, c."position" ASC`;
  return { items: rows.map(toBrowseCategory) };
}

/** A category's live streams, most watched first (creators who blocked the viewer left out); 404 for an unknown slug. */
export async function listCategoryStreams(slug: string, viewerId?: string) {
  const { items } = await listCategories();
  const category = items.find((item) => item.slug === slug.toLowerCase());
  if (!category) throw notFound(`There is no category “${slug}”.`);
  const rows = await prisma.user.findMany({
    where: { stream: { isLive: true, category: { slug: category.slug } }, ...notBlocking(viewerId) },
    select: cardSelect,
    orderBy: [{ stream: { viewerCount: 'desc' } }, { stream: { startedAt: 'asc' } }],
    take: 60,
  });
  return { category, items: rows.map(toCard) };
}

/** The next broadcast as pages show it; null when none is set or its time has passed. */
export function scheduleOf(
  stream: {
    scheduledAt: Date | null;
    scheduledTitle: string | null;
    scheduledCategory: { slug: string; name: string } | null;
  } | null,
  now = Date.now(),
) {
  if (!stream?.scheduledAt || stream.scheduledAt.getTime() <= now) return null;
  return { startsAt: stream.scheduledAt.toISOString(), title: stream.scheduledTitle ?? '', category: stream.scheduledCategory };
}

const scheduleSelect = {
  scheduledAt: true,
  scheduledTitle: true,
  scheduledCategory: { select: { slug: true, name: true } },
} as const;

/** A channel's next announced broadcast (null if none or past); 404 for an unknown or blocking creator. */
export async function getChannelSchedule(username: string, viewerId?: string) {
  const user = await prisma.user.findFirst({
    where: { username: username.toLowerCase(), ...notBlocking(viewerId) },
    select: { id: true, displayUsername: true, stream: { select: scheduleSelect } },
  });
  if (!user) throw notFound(`There is no creator called “${username}”.`);
  return { hostId: user.id, username: user.displayUsername, schedule: scheduleOf(user.stream) };
}

/** Announced broadcasts still to come, soonest first (creators who blocked the viewer left out). */
export async function listUpcoming(limit: number, viewerId?: string) {
  const rows = await prisma.user.findMany({
    where: { stream: { scheduledAt: { gt: new Date() }, isLive: false }, ...notBlocking(viewerId) },
    select: { ...cardSelect, stream: { select: { ...cardSelect.stream.select, ...scheduleSelect } } },
    orderBy: { stream: { scheduledAt: 'asc' } },
    take: limit,
  });
  return { items: rows.map((row) => ({ ...toCard(row), schedule: scheduleOf(row.stream)! })) };
}

/** RFC 5545 text: backslash, semicolon and comma escaped, newlines as \n; lines folded at 75 octets. */
function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  // Continuation lines start with a space, so they carry 74 octets.
  while (Buffer.byteLength(rest, 'utf8') > (parts.length ? 74 : 75)) {
    let cut = parts.length ? 74 : 75;
    while (Buffer.byteLength(rest.slice(0, cut), 'utf8') > (parts.length ? 74 : 75)) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
const icsDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The next broadcast as an iCalendar event (an hour long), for "Add to calendar". */
export function scheduleIcs(
  channel: { hostId: string; username: string; schedule: NonNullable<ReturnType<typeof scheduleOf>> },
  siteUrl: string,
): string {
  const start = new Date(channel.schedule.startsAt);
  const end = new Date(start.getTime() + 3_600_000);
  const url = `${siteUrl.replace(/\/$/, '')}/${encodeURIComponent(channel.username)}/live`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Streamhouse//Scheduled streams//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${channel.hostId}-${start.getTime()}@streamhouse`,
    `DTSTAMP:${icsDate(new Date())}`,
    `DTSTART:${icsDate(start)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${icsText(`${channel.username}: ${channel.schedule.title}`)}`,
    `DESCRIPTION:${icsText(`Live on Streamhouse: ${url}`)}`,
    `URL:${url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
