import {
  AudioCodec,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptions,
  ImageCodec,
  ImageOutput,
  S3Upload,
  VideoCodec,
} from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import type { ReplayStatus } from '../../generated/prisma/client.ts';
import { egressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { storage } from './recordings.storage.ts';
import { LIVE_SNAPSHOT_SIZE } from './snapshot-size.ts';

/**
 * The recorder: a participant egress of the host for every broadcast, started and stopped on the live-state
 * transitions, replaced when it stalls. The only code that asks LiveKit's egress service to start or stop.
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
/**
 * An egress normally records within a second or two (0.9 s measured here under a full e2e run's load); one whose
 * pipeline stuck at the start (seen: its first H.264 packets undecodable, then silence) never does, and is replaced
 * after this long — every second of it is missing from the replay and its live pictures.
 */
const START_STALL_MS = 10_000;
const MAX_START_ATTEMPTS = 3;
/** A replay whose recording has not settled yet. */
export const OPEN_STATUSES: ReplayStatus[] = ['STARTING', 'RECORDING', 'PROCESSING'];

export type RecorderStatus = { available: boolean; reason: string | null };

export function recorderStatus(): RecorderStatus {
  return env.RECORDINGS_ENABLED ? { available: true, reason: null } : { available: false, reason: env.RECORDINGS_OFF_REASON };
}

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
          ...LIVE_SNAPSHOT_SIZE,
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
export async function restartIfStalled(replayId: string): Promise<boolean> {
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

export async function stopEgress(egressId: string): Promise<void> {
  try {
    await egressClient.stopEgress(egressId);
  } catch (error) {
    // Already ending or ended (the host left and the egress stopped by itself): nothing to do.
    logger.debug({ err: error, egressId }, 'stopEgress refused');
  }
}
