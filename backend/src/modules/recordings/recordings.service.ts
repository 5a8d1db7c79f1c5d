import type { Response } from 'express';
import {
  AudioCodec,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptions,
  ImageCodec,
  ImageOutput,
  S3Upload,
  ServerError,
  VideoCodec,
  type EgressInfo,
} from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import type { Prisma, ReplayStatus, ReplayVisibility } from '../../generated/prisma/client.ts';
import { egressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isBlockedBy } from '../social/social.service.ts';
import { storage } from './recordings.storage.ts';
import { Counter } from 'prom-client';
import { metrics } from '../../lib/metrics.ts';
import type { ChatPageQuery, SettingsChange } from './recordings.schemas.ts';

type Tx = Prisma.TransactionClient;

/**
 * Recordings: a participant egress of the host for every broadcast (started and stopped on the live-state
 * transitions), replays with their chat, creators' recording settings, live snapshots. The only module that
 * talks to the LiveKit egress service.
 */

/** What the egress is asked for: MP4 is the only audio+video file type of egress v1.8.6, and its only AAC
 * encoder (faac) is not in Debian, so audio is Opus (docs/decisions/010-recordings-with-egress.md). Every
 * recording is re-encoded, so the size is the main lever on its CPU cost. */
const VIDEO_SIZES = {
  '360p': { width: 640, height: 360, videoBitrate: 1000 },
  '540p': { width: 960, height: 540, videoBitrate: 2000 },
  '720p': { width: 1280, height: 720, videoBitrate: 3000 },
  '1080p': { width: 1920, height: 1080, videoBitrate: 4500 },
} as const;
const ENCODING = { ...VIDEO_SIZES[env.RECORDINGS_VIDEO], framerate: 30, audioBitrate: 128 };
const SNAPSHOT = { width: 640, height: 360 };
/** Recordings still "starting" after this long lost their start (backend crash between the two steps). */
const START_GIVE_UP_MS = 2 * 60_000;
/** An egress normally records within a second or two; one silent for this long is replaced. */
const START_STALL_MS = 20_000;
const MAX_START_ATTEMPTS = 3;
const OPEN_STATUSES: ReplayStatus[] = ['STARTING', 'RECORDING', 'PROCESSING'];

const DEFAULT_SETTINGS = {
  recordingEnabled: true,
  visibility: 'EVERYONE' as ReplayVisibility,
  retentionDays: null as number | null,
};

export type RecorderStatus = { available: boolean; reason: string | null };

export function recorderStatus(): RecorderStatus {
  return env.RECORDINGS_ENABLED ? { available: true, reason: null } : { available: false, reason: env.RECORDINGS_OFF_REASON };
}

// ---------------------------------------------------------------- settings

export async function getSettings(userId: string) {
  const row = await prisma.replaySettings.findUnique({ where: { userId } });
  const settings = row
    ? { recordingEnabled: row.recordingEnabled, visibility: row.visibility, retentionDays: row.retentionDays }
    : DEFAULT_SETTINGS;
  return { ...settings, recorder: recorderStatus() };
}

export async function updateSettings(userId: string, change: SettingsChange) {
  await prisma.replaySettings.upsert({ where: { userId }, create: { userId, ...change }, update: change });
  if (change.retentionDays) await deleteExpiredReplays({ userId });
  // Off means off now: a broadcast being recorded stops being recorded (what was recorded stays a replay).
  if (change.recordingEnabled === false) await stopRecording(userId);
  return getSettings(userId);
}

// ---------------------------------------------------------------- egress start / stop

const keysFor = (hostId: string, sessionId: string) => ({
  fileKey: `${hostId}/${sessionId}.mp4`,
  snapshotPrefix: `${hostId}/${sessionId}/snapshot`,
});

function s3Upload(): S3Upload | undefined {
  if (storage.kind !== 's3') return undefined;
  return new S3Upload({
    bucket: env.RECORDINGS_S3_BUCKET,
    region: env.RECORDINGS_S3_REGION,
    endpoint: env.RECORDINGS_S3_ENDPOINT ?? '',
    forcePathStyle: env.RECORDINGS_S3_FORCE_PATH_STYLE,
    accessKey: env.RECORDINGS_S3_ACCESS_KEY_ID,
    secret: env.RECORDINGS_S3_SECRET_ACCESS_KEY,
  });
}

/**
 * Starts recording the host's current broadcast, once: the Replay row (unique per session) is claimed
 * before LiveKit is asked, so a repeated call, another backend instance or the reconciliation never start a
 * second egress. A refusal is kept on the replay for the creator to see.
 */
export async function startRecording(hostId: string): Promise<void> {
  if (!env.RECORDINGS_ENABLED) return;
  const settings = await prisma.replaySettings.findUnique({ where: { userId: hostId }, select: { recordingEnabled: true } });
  if (settings && !settings.recordingEnabled) return;
  const session = await prisma.streamSession.findFirst({
    where: { endedAt: null, stream: { userId: hostId, isLive: true } },
    orderBy: { startedAt: 'desc' },
    select: { id: true, stream: { select: { title: true } } },
  });
  if (!session) return;
  const keys = keysFor(hostId, session.id);
  const claimed = await prisma.replay.createMany({
    data: [{ sessionId: session.id, hostId, title: session.stream.title, storage: storage.kind, ...keys }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return;
  const replay = await prisma.replay.findUniqueOrThrow({ where: { sessionId: session.id }, select: { id: true } });
  await launchEgress({ id: replay.id, hostId, ...keys, egressId: null });
}

type Launchable = { id: string; hostId: string; fileKey: string; snapshotPrefix: string; egressId: string | null };

/**
 * Asks LiveKit for an egress for the replay, in place of `replay.egressId` (compare-and-swap: of two
 * callers, one wins). Checks back after START_STALL_MS: under heavy load the egress pipeline sometimes never
 * starts, and a fresh one does.
 */
async function launchEgress(replay: Launchable): Promise<void> {
  const upload = s3Upload();
  let egressId: string;
  try {
    const info = await egressClient.startParticipantEgress(
      replay.hostId,
      replay.hostId,
      {
        file: new EncodedFileOutput({
          fileType: EncodedFileType.MP4,
          filepath: storage.egressLocation(replay.fileKey),
          ...(upload && { output: { case: 's3', value: upload } }),
        }),
        images: new ImageOutput({
          captureInterval: env.RECORDINGS_SNAPSHOT_SECONDS,
          ...SNAPSHOT,
          imageCodec: ImageCodec.IC_JPEG,
          filenamePrefix: storage.egressLocation(replay.snapshotPrefix),
          ...(upload && { output: { case: 's3', value: upload } }),
        }),
      },
      { encodingOptions: new EncodingOptions({ ...ENCODING, videoCodec: VideoCodec.H264_MAIN, audioCodec: AudioCodec.OPUS }) },
    );
    egressId = info.egressId;
  } catch (error) {
    logger.warn({ err: error, hostId: replay.hostId }, 'recording could not start');
    await prisma.replay.updateMany({
      where: { id: replay.id, egressId: replay.egressId },
      data: { status: 'FAILED', error: `The recorder refused to start: ${(error as Error).message}`, endedAt: new Date() },
    });
    return;
  }
  const launched = { egressStartedAt: new Date(), attempts: { increment: 1 } };
  const swapped = await prisma.replay.updateMany({
    where: { id: replay.id, egressId: replay.egressId },
    data: { ...launched, egressId, status: 'STARTING', egressUpdatedAt: null },
  });
  // The egress's first report may have beaten this answer and filled the id in already.
  const reported =
    swapped.count === 0 && (await prisma.replay.updateMany({ where: { id: replay.id, egressId }, data: launched })).count > 0;
  if (swapped.count === 0 && !reported) return stopEgress(egressId);
  setTimeout(
    () => void restartIfStalled(replay.id).catch((error) => logger.warn({ err: error }, 'recording check failed')),
    START_STALL_MS,
  ).unref();
}

/** Replaces an egress that was accepted but never started recording while the broadcast goes on. */
async function restartIfStalled(replayId: string): Promise<boolean> {
  const replay = await prisma.replay.findUnique({
    where: { id: replayId },
    select: {
      id: true,
      hostId: true,
      fileKey: true,
      snapshotPrefix: true,
      egressId: true,
      egressStartedAt: true,
      attempts: true,
      status: true,
      session: { select: { endedAt: true } },
    },
  });
  if (!replay?.egressId || replay.status !== 'STARTING' || !replay.egressStartedAt) return false;
  if (Date.now() - replay.egressStartedAt.getTime() < START_STALL_MS) return false;
  await stopEgress(replay.egressId);
  if (replay.session.endedAt) return false;
  if (replay.attempts >= MAX_START_ATTEMPTS) {
    await prisma.replay.updateMany({
      where: { id: replay.id, egressId: replay.egressId, status: 'STARTING' },
      data: {
        status: 'FAILED',
        error: `The recorder did not start after ${replay.attempts} tries (is the machine overloaded?).`,
        endedAt: new Date(),
      },
    });
    return true;
  }
  logger.warn({ hostId: replay.hostId, egressId: replay.egressId }, 'recording never started; asking for a new egress');
  await launchEgress(replay);
  return true;
}

/** Ends the host's recording when the broadcast ends (the file is finished and reported by egress_ended). */
export async function stopRecording(hostId: string): Promise<void> {
  const open = await prisma.replay.findMany({
    where: { hostId, status: { in: ['STARTING', 'RECORDING'] }, egressId: { not: null } },
    select: { egressId: true },
  });
  for (const { egressId } of open) await stopEgress(egressId!);
}

async function stopEgress(egressId: string): Promise<void> {
  try {
    await egressClient.stopEgress(egressId);
  } catch (error) {
    // Already ending or ended (the host left and the egress stopped by itself): nothing to do.
    logger.debug({ err: error, egressId }, 'stopEgress refused');
  }
}

// ---------------------------------------------------------------- egress reports (webhooks, reconciliation)

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));

/** Maps the egress's file path back to our storage key (local paths are absolute). */
function fileKeyOf(info: EgressInfo): string | undefined {
  const request = info.request.case === 'participant' ? info.request.value : undefined;
  const location = info.fileResults[0]?.filename || request?.fileOutputs[0]?.filepath;
  if (!location) return undefined;
  if (storage.kind === 's3') return location;
  const root = storage.egressLocation('');
  return location.startsWith(root) ? location.slice(root.length).replace(/^\/+/, '') : undefined;
}

function snapshotName(index: number): string {
  return `snapshot_${String(index).padStart(5, '0')}.jpeg`;
}

/** What a report means for the replay. Terminal reports settle it: READY only with a real file. */
function changesFor(info: EgressInfo, snapshotPrefix: string): Prisma.ReplayUpdateManyMutationInput {
  const file = info.fileResults[0];
  const mediaStartedAt = file && file.startedAt > 0n ? nsToDate(file.startedAt) : undefined;
  switch (info.status) {
    case EgressStatus.EGRESS_STARTING:
      return { status: 'STARTING' };
    case EgressStatus.EGRESS_ACTIVE:
      return { status: 'RECORDING', ...(mediaStartedAt && { mediaStartedAt }) };
    case EgressStatus.EGRESS_ENDING:
      return { status: 'PROCESSING' };
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED: {
      if (!file || file.duration <= 0n || file.size <= 0n)
        return {
          status: 'FAILED',
          error: 'Nothing was recorded: the broadcast ended before the recorder received any video.',
          endedAt: new Date(),
        };
      const images = Number(info.imageResults[0]?.imageCount ?? 0n);
      const directory = snapshotPrefix.slice(0, snapshotPrefix.lastIndexOf('/'));
      return {
        status: 'READY',
        error: null,
        durationMs: Number(file.duration / 1_000_000n),
        sizeBytes: file.size,
        ...(mediaStartedAt && { mediaStartedAt }),
        endedAt: file.endedAt > 0n ? nsToDate(file.endedAt) : new Date(),
        // The last snapshot is taken as the stream closes (a black frame): the one before it shows the broadcast.
        thumbnailKey: images > 0 ? `${directory}/${snapshotName(Math.max(0, images - 2))}` : null,
      };
    }
    default:
      return {
        status: 'FAILED',
        error: info.error ? `The recorder failed: ${info.error}` : 'The recorder stopped before the broadcast ended.',
        endedAt: new Date(),
      };
  }
}

/**
 * Applies an egress report (egress_started / _updated / _ended, or a reconciliation read) inside the caller's
 * transaction. Reports are ordered by the egress's own nanosecond clock: an older one than the last applied is
 * ignored, so a late "active" never reopens a finished replay.
 */
const egressReports = new Counter({
  name: 'streamhouse_egress_reports_total',
  help: "Recorder (egress) reports applied to replays, by the egress's status",
  labelNames: ['status'] as const,
  registers: [metrics],
});

export async function applyEgressUpdate(tx: Tx, info: EgressInfo): Promise<'applied' | 'stale' | 'ignored'> {
  const fileKey = fileKeyOf(info);
  // By id; by file while our start call has not returned yet. A replaced egress's reports match neither.
  const replay = await tx.replay.findFirst({
    where: { OR: [{ egressId: info.egressId }, ...(fileKey ? [{ fileKey, hostId: info.roomName, egressId: null }] : [])] },
    select: { id: true, snapshotPrefix: true },
  });
  if (!replay) return 'ignored';
  const reportedAt = info.updatedAt || info.endedAt || info.startedAt;
  const updated = await tx.replay.updateMany({
    where: { id: replay.id, OR: [{ egressUpdatedAt: null }, { egressUpdatedAt: { lt: reportedAt } }] },
    data: { ...changesFor(info, replay.snapshotPrefix), egressId: info.egressId, egressUpdatedAt: reportedAt },
  });
  if (updated.count) egressReports.inc({ status: EgressStatus[info.status] ?? String(info.status) });
  return updated.count ? 'applied' : 'stale';
}

/** LiveKit's record of an egress; undefined when it has none (it answers not_found). */
async function egressById(egressId: string): Promise<EgressInfo | undefined> {
  try {
    return (await egressClient.listEgress({ egressId }))[0];
  } catch (error) {
    if (error instanceof ServerError && error.code === 'not_found') return undefined;
    throw error;
  }
}

export type RecordingsReconcileReport = { stopped: string[]; settled: string[]; started: string[] };

/**
 * Brings recordings in line with LiveKit: no egress keeps running for an offline stream, a replay whose
 * egress ended without a webhook reaching us is settled from LiveKit's record (failures included, so the
 * creator sees them), and a live stream whose recording start was missed gets one.
 */
export async function reconcileRecordings(options: { only?: string[] } = {}): Promise<RecordingsReconcileReport> {
  const report: RecordingsReconcileReport = { stopped: [], settled: [], started: [] };
  if (!env.RECORDINGS_ENABLED) return report;
  const only = options.only && new Set(options.only);
  const hostFilter = options.only ? { hostId: { in: options.only } } : {};
  const active = (await egressClient.listEgress({ active: true })).filter((egress) => !only || only.has(egress.roomName));
  const liveHosts = new Set(
    (
      await prisma.stream.findMany({
        where: { isLive: true, userId: { in: [...new Set(active.map((egress) => egress.roomName))] } },
        select: { userId: true },
      })
    ).map((stream) => stream.userId),
  );
  for (const egress of active) {
    if (liveHosts.has(egress.roomName)) continue;
    await stopEgress(egress.egressId);
    report.stopped.push(egress.egressId);
  }

  const activeIds = new Set(active.map((egress) => egress.egressId));
  const settleBefore = new Date(Date.now() - 30_000);
  const open = await prisma.replay.findMany({
    where: { status: { in: OPEN_STATUSES }, createdAt: { lt: settleBefore }, ...hostFilter },
    select: { id: true, egressId: true, createdAt: true },
  });
  for (const replay of open) {
    if (replay.egressId && activeIds.has(replay.egressId)) {
      if (await restartIfStalled(replay.id)) report.settled.push(replay.id);
      continue;
    }
    const info = replay.egressId ? await egressById(replay.egressId) : undefined;
    if (info && info.status > EgressStatus.EGRESS_ENDING) {
      await prisma.$transaction((tx) => applyEgressUpdate(tx, info));
      report.settled.push(replay.id);
    } else if (!info && replay.createdAt.getTime() < Date.now() - START_GIVE_UP_MS) {
      await prisma.replay.update({
        where: { id: replay.id },
        data: { status: 'FAILED', error: 'The recorder never confirmed this recording.', endedAt: new Date() },
      });
      report.settled.push(replay.id);
    }
  }

  const wantsRecording = { OR: [{ replaySettings: null }, { replaySettings: { recordingEnabled: true } }] };
  const unrecorded = await prisma.streamSession.findMany({
    where: {
      endedAt: null,
      replay: null,
      stream: { isLive: true, user: wantsRecording, ...(options.only && { userId: { in: options.only } }) },
    },
    select: { stream: { select: { userId: true } } },
  });
  for (const { stream } of unrecorded) {
    await startRecording(stream.userId);
    report.started.push(stream.userId);
  }
  if (report.stopped.length || report.settled.length || report.started.length)
    logger.info(report, 'recordings corrected from LiveKit');
  return report;
}

// ---------------------------------------------------------------- who may watch

type Viewer = { id: string } | undefined;

const replaySelect = {
  id: true,
  hostId: true,
  title: true,
  status: true,
  error: true,
  storage: true,
  fileKey: true,
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
    mediaUrl: `/api/recordings/replays/${row.id}/media`,
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
  // Per viewer (visibility rules): never kept by a shared cache.
  await storage.serve(res, row.fileKey, 'private, max-age=3600');
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
    offsetMs: Math.max(0, message.createdAt.getTime() - timelineStart.getTime()),
  }));
  return { items, next: messages.length > page.limit ? items[items.length - 1]!.id : null };
}

async function hostByUsername(username: string): Promise<Host> {
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

/**
 * Removes a replay's files, then its row. Idempotent: files already gone are fine, and of two removals at once
 * (two clicks, two instances, the retention job) one deletes the row and the other finds it gone (false).
 */
async function removeReplay(row: { id: string; fileKey: string; snapshotPrefix: string }): Promise<boolean> {
  // Files first: a failure leaves the row, so the deletion can be retried.
  await storage.removeAll(row.fileKey);
  await storage.removeAll(row.snapshotPrefix.slice(0, row.snapshotPrefix.lastIndexOf('/')));
  return (await prisma.replay.deleteMany({ where: { id: row.id } })).count > 0;
}

export async function deleteReplay(userId: string, id: string): Promise<void> {
  const gone = notFound('This replay does not exist or was deleted.');
  const row = await prisma.replay.findUnique({
    where: { id },
    select: { id: true, hostId: true, status: true, fileKey: true, snapshotPrefix: true },
  });
  if (!row || row.hostId !== userId) throw gone;
  if (OPEN_STATUSES.includes(row.status))
    throw new AppError(409, 'CONFLICT', 'This broadcast is still being recorded; delete it once it has ended.');
  if (!(await removeReplay(row))) throw gone;
}

/** Deletes replays older than their creator's retention period (scheduled, and when the period is shortened). */
export async function deleteExpiredReplays(options: { userId?: string } = {}): Promise<number> {
  const creators = await prisma.replaySettings.findMany({
    where: { retentionDays: { not: null }, ...(options.userId && { userId: options.userId }) },
    select: { userId: true, retentionDays: true },
  });
  let deleted = 0;
  for (const { userId, retentionDays } of creators) {
    const expired = await prisma.replay.findMany({
      where: {
        hostId: userId,
        status: { in: ['READY', 'FAILED'] },
        createdAt: { lt: new Date(Date.now() - retentionDays! * 86_400_000) },
      },
      select: { id: true, fileKey: true, snapshotPrefix: true },
    });
    for (const row of expired) {
      // One replay that cannot be removed now (storage down) is retried next hour; the others still go.
      try {
        if (await removeReplay(row)) deleted += 1;
      } catch (error) {
        logger.warn({ err: error, replayId: row.id }, 'an expired replay could not be removed; retrying later');
      }
    }
  }
  return deleted;
}

// ---------------------------------------------------------------- live snapshots

type SnapshotSource = { status: ReplayStatus; mediaStartedAt: Date | null; createdAt: Date } | null | undefined;

/**
 * The URL of a live stream's newest snapshot, versioned by the snapshot count so a browser fetches the new
 * picture when it exists (and caches it until then); null while there is none.
 */
export function liveSnapshotUrl(username: string, replay: SnapshotSource): string | null {
  if (replay?.status !== 'RECORDING') return null;
  const since = (replay.mediaStartedAt ?? replay.createdAt).getTime();
  const version = Math.max(0, Math.floor((Date.now() - since) / (env.RECORDINGS_SNAPSHOT_SECONDS * 1000)));
  return `/api/recordings/channels/${encodeURIComponent(username)}/snapshot.jpg?v=${version}`;
}

/** The select discovery adds to a stream to know whether it has a live snapshot. */
export const liveSnapshotSelect = {
  sessions: {
    where: { endedAt: null },
    orderBy: { startedAt: 'desc' },
    take: 1,
    select: { replay: { select: { status: true, mediaStartedAt: true, createdAt: true } } },
  },
} satisfies Prisma.StreamSelect;

/**
 * The images a snapshot manifest lists. The egress rewrites the manifest after every picture, so a reader can
 * meet it half-written: that counts as no picture yet, not as an error.
 */
function snapshotImages(manifest: string): Array<{ name: string }> {
  try {
    const images = (JSON.parse(manifest) as { images?: unknown }).images;
    const isFileName = (image: unknown): image is { name: string } =>
      typeof (image as { name?: unknown })?.name === 'string' && /^\w[\w.-]*$/.test((image as { name: string }).name);
    return Array.isArray(images) ? images.filter(isFileName) : [];
  } catch {
    return [];
  }
}

export async function sendLiveSnapshot(res: Response, username: string, viewer: Viewer): Promise<void> {
  const host = await hostByUsername(username);
  if (viewer && viewer.id !== host.id && (await isBlockedBy(host.id, viewer.id)))
    throw forbidden('This channel is unavailable to you.', { reason: 'BLOCKED' });
  const replay = await prisma.replay.findFirst({
    where: { hostId: host.id, status: 'RECORDING', session: { endedAt: null } },
    orderBy: { createdAt: 'desc' },
    select: { snapshotPrefix: true },
  });
  const manifest = replay && (await storage.readText(`${replay.snapshotPrefix}.json`));
  const images = manifest ? snapshotImages(manifest) : [];
  const newest = images[images.length - 1];
  if (!replay || !newest) throw notFound(`${host.name} has no live picture right now.`);
  const directory = replay.snapshotPrefix.slice(0, replay.snapshotPrefix.lastIndexOf('/'));
  await storage.serve(res, `${directory}/${newest.name}`, 'private, max-age=10');
}
