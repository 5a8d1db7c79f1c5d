import { IngressInput, IngressVideoEncodingPreset, IngressVideoOptions, ServerError, TrackSource } from 'livekit-server-sdk';
import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { ingressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { AppError } from '../../http/errors.ts';
import { assertEligibleToStream } from '../eligibility/eligibility.service.ts';
import { hitRateLimit } from '../rate-limit/rate-limit.service.ts';
import { isUploadOwnedBy } from '../uploads/uploads.service.ts';
import { publishLiveEvent } from '../live/live-events.service.ts';
import { publicChannelChanged, scheduleOf } from '../discovery/discovery.service.ts';
import type {
  CreateIngressBody,
  RtmpQuality,
  StreamCredentials,
  StreamInfo,
  StreamInfoChanges,
  ScheduleBody,
  StreamKey,
  StreamStatus,
} from './streams.schemas.ts';

/** Simulcast ladders: viewers on weak links get a lower layer. */
const RTMP_PRESETS: Record<RtmpQuality, IngressVideoEncodingPreset> = {
  '540p': IngressVideoEncodingPreset.H264_540P_25FPS_2_LAYERS,
  '720p': IngressVideoEncodingPreset.H264_720P_30FPS_3_LAYERS,
  '1080p': IngressVideoEncodingPreset.H264_1080P_30FPS_3_LAYERS,
};

/** Creating keys calls LiveKit and invalidates the previous key: a generous cap against scripted abuse. */
const KEY_CHANGES_PER_HOUR = 20;

type Creator = { id: string; name: string; displayUsername?: string | null };

function unavailable(error: unknown): AppError {
  logger.warn({ err: error }, 'LiveKit ingress call failed');
  return new AppError(
    503,
    'UPSTREAM_FAILED',
    'Stream keys are unavailable right now (the RTMP/WHIP ingress service did not answer). You can still go live from the browser.',
  );
}

/** One key change at a time per creator, so two quick clicks never leave a second working key behind. */
async function lockKeyChanges(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`stream-key:${userId}`}))`;
}

/** Deletes every ingress publishing into the creator's room (and the one on record), so old keys stop working. */
async function deleteIngresses(userId: string, recordedIngressId: string | null | undefined): Promise<void> {
  let existing;
  try {
    existing = await ingressClient.listIngress({ roomName: userId });
  } catch (error) {
    throw unavailable(error);
  }
  const ids = new Set(existing.map((ingress) => ingress.ingressId));
  if (recordedIngressId) ids.add(recordedIngressId);
  for (const ingressId of ids) {
    try {
      await ingressClient.deleteIngress(ingressId);
    } catch (error) {
      if (!(error instanceof ServerError && error.code === 'not_found')) throw unavailable(error);
    }
  }
}

async function checkKeyChangeRate(userId: string): Promise<void> {
  const limit = await hitRateLimit(`stream-key:${userId}`, KEY_CHANGES_PER_HOUR, 60 * 60 * 1000);
  if (!limit.allowed)
    throw new AppError(429, 'RATE_LIMITED', 'You have changed your stream key many times in the last hour. Try again later.', {
      retryAfterMs: limit.retryAfterMs,
    });
}

/**
 * Creates the creator's RTMP or WHIP ingress (room = user id, participant identity = user id), after
 * deleting any previous one. The key is returned to its owner only.
 */
export async function createStreamKey(creator: Creator, request: CreateIngressBody): Promise<StreamKey> {
  await assertEligibleToStream(creator.id);
  await checkKeyChangeRate(creator.id);
  return prisma.$transaction(
    async (tx) => {
      await lockKeyChanges(tx, creator.id);
      const recorded = await tx.stream.findUnique({ where: { userId: creator.id }, select: { ingressId: true } });
      await deleteIngresses(creator.id, recorded?.ingressId);
      let info;
      try {
        info = await ingressClient.createIngress(request.type === 'RTMP' ? IngressInput.RTMP_INPUT : IngressInput.WHIP_INPUT, {
          name: creator.displayUsername ?? creator.name,
          roomName: creator.id,
          participantIdentity: creator.id,
          participantName: creator.name,
          ...(request.type === 'RTMP'
            ? {
                video: new IngressVideoOptions({
                  source: TrackSource.CAMERA,
                  encodingOptions: { case: 'preset', value: RTMP_PRESETS[request.quality] },
                }),
              }
            : { enableTranscoding: false }),
        });
      } catch (error) {
        throw unavailable(error);
      }
      const key = { ingressId: info.ingressId, serverUrl: info.url, streamKey: info.streamKey, type: request.type };
      const fields = { ingressId: key.ingressId, ingressType: key.type, serverUrl: key.serverUrl, streamKey: key.streamKey };
      await tx.stream.upsert({ where: { userId: creator.id }, create: { userId: creator.id, ...fields }, update: fields });
      return key;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/**
 * Deletes every ingress of the creator and forgets the key: the old key stops working at once (a running stream
 * ends). For "Reset key", and for a creator whose approval was revoked.
 */
export async function revokeStreamKeys(userId: string): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await lockKeyChanges(tx, userId);
      const recorded = await tx.stream.findUnique({ where: { userId }, select: { ingressId: true } });
      await deleteIngresses(userId, recorded?.ingressId);
      await tx.stream.updateMany({
        where: { userId },
        data: { ingressId: null, ingressType: null, serverUrl: null, streamKey: null },
      });
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/** The owner's own key; all null before one is created. */
export async function getStreamCredentials(userId: string): Promise<StreamCredentials> {
  const stream = await prisma.stream.findUnique({
    where: { userId },
    select: { serverUrl: true, streamKey: true, ingressType: true },
  });
  return { serverUrl: stream?.serverUrl ?? null, streamKey: stream?.streamKey ?? null, type: stream?.ingressType ?? null };
}

export async function getStreamInfo(userId: string): Promise<StreamInfo> {
  const stream = await prisma.stream.findUnique({
    where: { userId },
    select: { title: true, description: true, thumbnailUrl: true, tags: true, category: { select: { slug: true, name: true } } },
  });
  return {
    title: stream?.title ?? '',
    description: stream?.description ?? null,
    thumbnailUrl: stream?.thumbnailUrl ?? null,
    category: stream?.category ?? null,
    tags: stream?.tags ?? [],
  };
}

const SCHEDULE_SELECT = {
  scheduledAt: true,
  scheduledTitle: true,
  scheduledCategory: { select: { slug: true, name: true } },
} as const;

export async function getSchedule(userId: string) {
  return { schedule: scheduleOf(await prisma.stream.findUnique({ where: { userId }, select: SCHEDULE_SELECT })) };
}

/** Announces (or moves) the next broadcast. */
export async function setSchedule(userId: string, body: ScheduleBody) {
  const data = {
    scheduledAt: body.startsAt,
    scheduledTitle: body.title,
    scheduledCategoryId: body.category === undefined ? null : await categoryIdOf(body.category),
  };
  const stream = await prisma.stream.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
    select: { ...SCHEDULE_SELECT, user: { select: { displayUsername: true } } },
  });
  await publicChannelChanged(stream.user.displayUsername);
  return { schedule: scheduleOf(stream) };
}

export async function clearSchedule(userId: string) {
  const stream = await prisma.stream.findUnique({ where: { userId }, select: { user: { select: { displayUsername: true } } } });
  if (!stream) return { schedule: null };
  await prisma.stream.update({ where: { userId }, data: { scheduledAt: null, scheduledTitle: null, scheduledCategoryId: null } });
  await publicChannelChanged(stream.user.displayUsername);
  return { schedule: null };
}

/** A category's id from its slug (null clears); an unknown slug is a 400 on the `category` field. */
async function categoryIdOf(slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  const category = await prisma.category.findUnique({ where: { slug }, select: { id: true } });
  if (!category)
    throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — category: there is no such category', {
      fields: [{ path: 'category', message: 'there is no such category' }],
    });
  return category.id;
}

/** Saves title, description and thumbnail, and tells pages showing the stream about the new title. */
export async function updateStreamInfo(userId: string, body: StreamInfoChanges): Promise<StreamInfo> {
  const { category, ...fields } = body;
  const changes = { ...fields, ...(category !== undefined && { categoryId: await categoryIdOf(category) }) };
  if (changes.thumbnailUrl) {
    const uploadId = changes.thumbnailUrl.split('/').at(-1)!;
    if (!(await isUploadOwnedBy(uploadId, userId)))
      throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — thumbnailUrl: upload the image first (POST /api/uploads).', {
        fields: [{ path: 'thumbnailUrl', message: 'upload the image first (POST /api/uploads)' }],
      });
  }
  const stream = await prisma.stream.upsert({
    where: { userId },
    create: { userId, ...changes },
    update: changes,
    include: { user: { select: { displayUsername: true } }, category: { select: { slug: true, name: true } } },
  });
  await publicChannelChanged(stream.user.displayUsername);
  await publishLiveEvent({
    type: 'stream.updated',
    hostId: userId,
    username: stream.user.displayUsername,
    isLive: stream.isLive,
    viewerCount: stream.viewerCount,
    startedAt: stream.isLive ? (stream.startedAt?.toISOString() ?? null) : null,
    title: stream.title,
  });
  return {
    title: stream.title,
    description: stream.description,
    thumbnailUrl: stream.thumbnailUrl,
    category: stream.category,
    tags: stream.tags,
  };
}

export async function getStreamStatus(userId: string): Promise<StreamStatus> {
  const stream = await prisma.stream.findUnique({
    where: { userId },
    select: { isLive: true, viewerCount: true, startedAt: true },
  });
  if (!stream?.isLive) return { isLive: false, viewerCount: 0, startedAt: null };
  return { isLive: true, viewerCount: stream.viewerCount, startedAt: stream.startedAt?.toISOString() ?? null };
}
