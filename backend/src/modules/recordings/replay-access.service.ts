import type { Response } from 'express';
import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isBlockedBy } from '../social/social.service.ts';
import { offsetOnTimeline, type TimelinePart } from './hls-playlist.ts';
import { folderOf, readRecording } from './hls-recording.service.ts';
import { storage } from './recordings.storage.ts';
import type { ChatPageQuery } from './recordings.schemas.ts';
import { recorderStatus } from './recorder.service.ts';

/** Who may watch a creator's replays (blocks, visibility), and the replays, media and chat they may see. */

export type Viewer = { id: string } | undefined;

const replaySelect = {
  id: true,
  hostId: true,
  title: true,
  status: true,
  error: true,
  storage: true,
  fileKey: true,
  format: true,
  hlsParts: true,
  timeline: true,
  thumbnailKey: true,
  durationMs: true,
  sizeBytes: true,
  mediaStartedAt: true,
  createdAt: true,
  endedAt: true,
  session: { select: { startedAt: true, endedAt: true } },
} satisfies Prisma.ReplaySelect;
type ReplayRow = Prisma.ReplayGetPayload<{ select: typeof replaySelect }>;

type Host = { id: string; displayUsername: string; name: string; image: string | null };
const hostSelect = { id: true, displayUsername: true, name: true, image: true } satisfies Prisma.UserSelect;

type WatchRefusalReason = 'BLOCKED' | 'PRIVATE' | 'FOLLOWERS_ONLY';

/** Why a viewer may not watch a creator's replays, or null when they may. Blocks first, like the live page. */
async function watchRefusal(host: Host, viewer: Viewer): Promise<AppError | null> {
  if (viewer?.id === host.id) return null;
  if (viewer && (await isBlockedBy(host.id, viewer.id)))
    return forbidden('This channel is unavailable to you.', { reason: 'BLOCKED' });
  const settings = await prisma.replaySettings.findUnique({ where: { userId: host.id }, select: { visibility: true } });
  const visibility = settings?.visibility ?? 'EVERYONE';
  if (visibility === 'EVERYONE') return null;
  if (visibility === 'ONLY_ME') return forbidden(`${host.name} keeps their replays private.`, { reason: 'PRIVATE' });
  const follows =
    viewer &&
    (await prisma.follow.findUnique({ where: { followerId_followingId: { followerId: viewer.id, followingId: host.id } } }));
  return follows ? null : forbidden(`Only people who follow ${host.name} can watch their replays.`, { reason: 'FOLLOWERS_ONLY' });
}

function toReplay(row: ReplayRow, host: Host) {
  return {
    id: row.id,
    title: row.title,
    hostId: host.id,
    username: host.displayUsername,
    displayName: host.name,
    avatarUrl: host.image,
    recordedAt: row.session.startedAt.toISOString(),
    durationMs: row.durationMs ?? 0,
    sizeBytes: row.sizeBytes === null ? 0 : Number(row.sizeBytes),
    ...(row.format === 'HLS'
      ? { mediaUrl: `/api/recordings/replays/${row.id}/hls/index.m3u8`, mediaType: 'application/vnd.apple.mpegurl' as const }
      : { mediaUrl: `/api/recordings/replays/${row.id}/media`, mediaType: 'video/mp4' as const }),
    thumbnailUrl: row.thumbnailKey ? `/api/recordings/replays/${row.id}/thumbnail.jpg` : null,
  };
}

/** A READY replay the viewer may watch, with its host; 404 for anything else so ids reveal nothing. */
async function watchableReplay(id: string, viewer: Viewer): Promise<{ row: ReplayRow; host: Host }> {
  const row = await prisma.replay.findUnique({ where: { id }, select: replaySelect });
  const host = row && (await prisma.user.findUnique({ where: { id: row.hostId }, select: hostSelect }));
  if (!row || !host || (row.status !== 'READY' && viewer?.id !== host.id))
    throw notFound('This replay does not exist or was deleted.');
  if (row.status !== 'READY') throw notFound('This replay is not ready yet.');
  const refusal = await watchRefusal(host, viewer);
  if (refusal) throw refusal;
  return { row, host };
}

export async function getReplay(id: string, viewer: Viewer) {
  const { row, host } = await watchableReplay(id, viewer);
  return { ...toReplay(row, host), isOwner: viewer?.id === host.id };
}

export async function sendReplayMedia(res: Response, id: string, viewer: Viewer): Promise<void> {
  const { row } = await watchableReplay(id, viewer);
  if (row.format !== 'MP4') throw notFound('This replay is served as HLS (its mediaUrl).');
  // Per viewer (visibility rules): never kept by a shared cache.
  await storage.serve(res, row.fileKey, 'private, max-age=3600');
}

/**
 * The replay's HLS playlist, composed from its recorders' parts. Segment names are relative, so the player asks
 * for them here too, and each goes through the same access check.
 */
export async function replayPlaylist(id: string, viewer: Viewer): Promise<string> {
  const { row } = await watchableReplay(id, viewer);
  if (row.format !== 'HLS') throw notFound('This replay is an MP4 file (its mediaUrl).');
  return (await readRecording(row, true)).playlist;
}

export async function sendReplaySegment(res: Response, id: string, segment: string, viewer: Viewer): Promise<void> {
  const { row } = await watchableReplay(id, viewer);
  // Only a segment of one of this replay's parts: the name is checked by the route, the part here.
  if (row.format !== 'HLS' || !row.hlsParts.includes(segment.slice(0, segment.lastIndexOf('_'))))
    throw notFound('This replay has no such segment.');
  // A segment never changes; per viewer all the same (visibility rules), so never in a shared cache.
  await storage.serve(res, `${folderOf(row.fileKey)}/${segment}`, 'private, max-age=31536000, immutable');
}

export async function sendReplayThumbnail(res: Response, id: string, viewer: Viewer): Promise<void> {
  const { row } = await watchableReplay(id, viewer);
  if (!row.thumbnailKey) throw notFound('This replay has no picture.');
  await storage.serve(res, row.thumbnailKey, 'private, max-age=86400');
}

/** The chat as it happened, placed on the video's timeline (page by page); moderators' deletions stay deleted. */
export async function replayChat(id: string, viewer: Viewer, page: ChatPageQuery) {
  const { row } = await watchableReplay(id, viewer);
  const timelineStart = row.mediaStartedAt ?? row.session.startedAt;
  // HLS replays whose recorder was replaced skip the gap: the parts' clocks place each message.
  const timeline = row.timeline as TimelinePart[] | null;
  const offsetOf = (at: Date) =>
    timeline?.length ? offsetOnTimeline(timeline, at) : Math.max(0, at.getTime() - timelineStart.getTime());
  const until = row.session.endedAt ?? row.endedAt ?? new Date();
  const after = page.after
    ? await prisma.chatMessage.findFirst({ where: { id: page.after, hostId: row.hostId }, select: { id: true, createdAt: true } })
    : null;
  if (page.after && !after)
    throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — after: is not a message of this replay');
  const messages = await prisma.chatMessage.findMany({
    where: {
      hostId: row.hostId,
      deletedAt: null,
      createdAt: { gte: row.session.startedAt, lte: until },
      ...(after && { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: page.limit + 1,
    select: { id: true, senderName: true, color: true, isGuest: true, body: true, createdAt: true },
  });
  const items = messages.slice(0, page.limit).map((message) => ({
    id: message.id,
    senderName: message.senderName,
    color: message.color,
    isGuest: message.isGuest,
    body: message.body,
    sentAt: message.createdAt.toISOString(),
    // Messages sent while the recorder was starting are shown from the first second.
    offsetMs: offsetOf(message.createdAt),
  }));
  return { items, next: messages.length > page.limit ? items[items.length - 1]!.id : null };
}

export async function hostByUsername(username: string): Promise<Host> {
  const host = await prisma.user.findUnique({ where: { username: username.toLowerCase() }, select: hostSelect });
  if (!host) throw notFound(`There is no creator called “${username}”.`);
  return host;
}

/** A channel's replays, newest first, or why the viewer may not see them. */
export async function listChannelReplays(username: string, viewer: Viewer) {
  const host = await hostByUsername(username);
  const refusal = await watchRefusal(host, viewer);
  if (refusal) return { items: [], locked: { reason: refusal.details!.reason as WatchRefusalReason, message: refusal.message } };
  const rows = await prisma.replay.findMany({
    where: { hostId: host.id, status: 'READY' },
    orderBy: { createdAt: 'desc' },
    select: replaySelect,
  });
  return { items: rows.map((row) => toReplay(row, host)), locked: null };
}

/** The creator's own recordings, failures and recordings in progress included. */
export async function listMyReplays(userId: string) {
  const host = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: hostSelect });
  const rows = await prisma.replay.findMany({
    where: { hostId: userId },
    orderBy: { createdAt: 'desc' },
    select: replaySelect,
    take: 200,
  });
  return {
    items: rows.map((row) => ({ ...toReplay(row, host), status: row.status, error: row.error })),
    recorder: recorderStatus(),
  };
}
