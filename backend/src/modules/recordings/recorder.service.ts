import { randomBytes } from 'node:crypto';
import {
  AudioCodec,
  EgressStatus,
  EncodingOptions,
  ServerError,
  type EgressInfo,
  ImageCodec,
  ImageOutput,
  S3Upload,
  SegmentedFileOutput,
  SegmentedFileProtocol,
  VideoCodec,
} from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { egressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { applyEgressUpdate, FINISHED, recorderStopped } from './egress-reports.service.ts';
import { finishHlsReplay, folderOf, type HlsReplay } from './hls-recording.service.ts';
import { storage } from './recordings.storage.ts';
import { LIVE_SNAPSHOT_SIZE } from './snapshot-size.ts';

/**
 * The recorder: a participant egress of the host for every broadcast, started and stopped on the live-state
 * transitions, replaced when it stalls. The only code that asks LiveKit's egress service to start or stop.
 */

/** What the egress is asked for: 2 s HLS segments, H.264 + AAC (our egress build encodes AAC with voaacenc;
 * docs/decisions/025-hls-recordings.md). Every recording is re-encoded, so the size is the main lever on its
 * CPU cost. */
const VIDEO_SIZES = {
  '360p': { width: 640, height: 360, videoBitrate: 1000 },
  '540p': { width: 960, height: 540, videoBitrate: 2000 },
  '720p': { width: 1280, height: 720, videoBitrate: 3000 },
  '1080p': { width: 1920, height: 1080, videoBitrate: 4500 },
} as const;
const ENCODING = { ...VIDEO_SIZES[env.RECORDINGS_VIDEO], framerate: 30, audioBitrate: 128 };
/** Short segments: a crash loses at most this much, and clips and overflow playback start close to live. */
const SEGMENT_SECONDS = 2;
/**
 * An egress normally records within a second or two (0.9 s measured here under a full e2e run's load); one whose
 * pipeline stuck at the start (seen: its first H.264 packets undecodable, then silence) never does, and is replaced
 * after this long — every second of it is missing from the replay and its live pictures.
 */
const START_STALL_MS = 10_000;
const MAX_START_ATTEMPTS = 3;
/** Recorders one broadcast may have in all: one that dies mid-broadcast is followed by a new one, this often. */
export const MAX_RECORDER_PARTS = 5;

export type RecorderStatus = { available: boolean; reason: string | null };

export function recorderStatus(): RecorderStatus {
  return env.RECORDINGS_ENABLED ? { available: true, reason: null } : { available: false, reason: env.RECORDINGS_OFF_REASON };
}

/** A broadcast's files live in one folder: the parts' playlists and segments, and the snapshots. */
const keysFor = (hostId: string, sessionId: string) => ({
  fileKey: `${hostId}/${sessionId}/index.m3u8`,
  snapshotPrefix: `${hostId}/${sessionId}/snapshot`,
});
const newPartName = () => `p-${randomBytes(6).toString('hex')}`;

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

type Launchable = HlsReplay & { hostId: string; egressId: string | null };
export const launchableSelect = {
  id: true,
  hostId: true,
  fileKey: true,
  snapshotPrefix: true,
  hlsParts: true,
  error: true,
  egressId: true,
} satisfies Prisma.ReplaySelect;

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
    data: [{ sessionId: session.id, hostId, title: session.stream.title, storage: storage.kind, format: 'HLS', ...keys }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return;
  await launchEgress(await prisma.replay.findUniqueOrThrow({ where: { sessionId: session.id }, select: launchableSelect }));
}

/**
 * Asks LiveKit for an egress for the replay, in place of `replay.egressId` (compare-and-swap: of two
 * callers, one wins), recording a new part. Checks back after START_STALL_MS: under heavy load the egress
 * pipeline sometimes never starts, and a fresh one does.
 */
export async function launchEgress(replay: Launchable): Promise<void> {
  const upload = s3Upload();
  const part = newPartName();
  const folder = folderOf(replay.fileKey);
  let egressId: string;
  try {
    const info = await withRetries(() =>
      egressClient.startParticipantEgress(
        replay.hostId,
        replay.hostId,
        {
          segments: new SegmentedFileOutput({
            protocol: SegmentedFileProtocol.HLS_PROTOCOL,
            playlistName: storage.egressLocation(`${folder}/${part}.m3u8`),
            filenamePrefix: storage.egressLocation(`${folder}/${part}`),
            segmentDuration: SEGMENT_SECONDS,
            // The playlist is the manifest: no JSON beside it.
            disableManifest: true,
            ...(upload && { output: { case: 's3', value: upload } }),
          }),
          images: new ImageOutput({
            captureInterval: env.RECORDINGS_SNAPSHOT_SECONDS,
            ...LIVE_SNAPSHOT_SIZE,
            imageCodec: ImageCodec.IC_JPEG,
            filenamePrefix: storage.egressLocation(replay.snapshotPrefix),
            ...(upload && { output: { case: 's3', value: upload } }),
          }),
        },
        {
          encodingOptions: new EncodingOptions({
            ...ENCODING,
            keyFrameInterval: SEGMENT_SECONDS,
            videoCodec: VideoCodec.H264_MAIN,
            audioCodec: AudioCodec.AAC,
          }),
        },
      ),
    );
    egressId = info.egressId;
  } catch (error) {
    logger.warn({ err: error, hostId: replay.hostId }, 'recording could not start');
    // What earlier recorders of this broadcast wrote stays a replay.
    return finishHlsReplay(replay, replay.egressId, `The recorder refused to start: ${(error as Error).message}.`);
  }
  const launched = { egressStartedAt: new Date(), attempts: { increment: 1 }, hlsParts: { push: part } };
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

/**
 * Asks again after a refusal: egress v1.8.6 shuts its whole service down when a recorder process dies (its
 * supervisor restarts it), so the request for the recorder that takes over can arrive while no egress node is up.
 */
const START_TRIES = 3;
const START_RETRY_MS = 2_000;
async function withRetries<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= START_TRIES) throw error;
      logger.info({ err: error, attempt }, 'the egress service refused a recorder; asking again');
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS * attempt));
    }
  }
}

/** LiveKit's record of an egress; undefined when it has none (it answers not_found). */
export async function egressById(egressId: string): Promise<EgressInfo | undefined> {
  try {
    return (await egressClient.listEgress({ egressId }))[0];
  } catch (error) {
    if (error instanceof ServerError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** Replaces an egress that was accepted but never started recording while the broadcast goes on. */
export async function restartIfStalled(replayId: string): Promise<boolean> {
  const replay = await prisma.replay.findUnique({
    where: { id: replayId },
    select: { ...launchableSelect, egressStartedAt: true, attempts: true, status: true, session: { select: { endedAt: true } } },
  });
  if (!replay?.egressId || replay.status !== 'STARTING' || !replay.egressStartedAt) return false;
  if (Date.now() - replay.egressStartedAt.getTime() < START_STALL_MS) return false;
  const stalled = replay.egressId;
  // Its "active" report may have arrived before our start call returned (and found nothing to apply to).
  const info = await egressById(stalled);
  if (info?.status === EgressStatus.EGRESS_ACTIVE) {
    await prisma.$transaction((tx) => applyEgressUpdate(tx, info));
    return false;
  }
  if (replay.session.endedAt || replay.attempts >= MAX_START_ATTEMPTS) {
    await stopEgress(stalled);
    // What earlier recorders of this broadcast wrote stays a replay.
    const failure = replay.session.endedAt
      ? null
      : `The recorder did not start after ${replay.attempts} tries (is the machine overloaded?).`;
    await finishHlsReplay(replay, stalled, failure);
    return true;
  }
  logger.warn({ hostId: replay.hostId, egressId: stalled }, 'recording never started; asking for a new egress');
  // The new one first: once the replay is on it, the stalled one's "aborted" report is about nothing of ours.
  await launchEgress(replay);
  await stopEgress(stalled);
  return true;
}

/**
 * After a recorder's final report: one that died while the broadcast goes on is followed by a new recorder (a new
 * part; up to MAX_RECORDER_PARTS), otherwise the replay is finished from what every part wrote. Idempotent: only
 * a replay still waiting on this egress is touched.
 */
export async function settleAfterRecorderEnded(info: EgressInfo): Promise<void> {
  if (!FINISHED.has(info.status)) return;
  const replay = await prisma.replay.findFirst({
    where: { egressId: info.egressId, format: 'HLS', status: 'PROCESSING' },
    select: { ...launchableSelect, session: { select: { endedAt: true } } },
  });
  if (!replay) return;
  const clean = info.status === EgressStatus.EGRESS_COMPLETE || info.status === EgressStatus.EGRESS_LIMIT_REACHED;
  const failure = clean ? null : recorderStopped(info.error || 'it exited');
  // Died while recording (failed; "aborted" is a recorder stopped before it started, which the stall check replaces).
  const died = info.status === EgressStatus.EGRESS_FAILED && !replay.session.endedAt;
  if (died && replay.hlsParts.length < MAX_RECORDER_PARTS && (await stillRecording(replay.hostId))) {
    logger.warn({ hostId: replay.hostId, egressId: info.egressId, error: info.error }, 'recorder died; starting a new part');
    return launchEgress(replay);
  }
  await finishHlsReplay(replay, info.egressId, failure);
}

/** Whether the host still broadcasts and wants it recorded. */
async function stillRecording(hostId: string): Promise<boolean> {
  const stream = await prisma.stream.findUnique({
    where: { userId: hostId },
    select: { isLive: true, user: { select: { replaySettings: { select: { recordingEnabled: true } } } } },
  });
  return Boolean(stream?.isLive && (stream.user.replaySettings?.recordingEnabled ?? true));
}

/** Ends the host's recording when the broadcast ends (the file is finished and reported by egress_ended). */
export async function stopRecording(hostId: string): Promise<void> {
  const open = await prisma.replay.findMany({
    where: { hostId, status: { in: ['STARTING', 'RECORDING'] }, egressId: { not: null } },
    select: { egressId: true },
  });
  for (const { egressId } of open) await stopEgress(egressId!);
}

export async function stopEgress(egressId: string): Promise<void> {
  try {
    await egressClient.stopEgress(egressId);
  } catch (error) {
    // Already ending or ended (the host left and the egress stopped by itself): nothing to do.
    logger.debug({ err: error, egressId }, 'stopEgress refused');
  }
}
