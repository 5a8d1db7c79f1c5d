import { BlockList, isIP } from 'node:net';
import {
  AudioCodec,
  EgressStatus,
  EncodingOptions,
  StreamOutput,
  StreamProtocol,
  VideoCodec,
  type EgressInfo,
} from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import type { Prisma, RestreamDestination, RestreamStatus } from '../../generated/prisma/client.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { egressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { openStreamKey, sealStreamKey } from './restream-keys.ts';
import { RESTREAM_DESTINATIONS_MAX, type DestinationChange, type DestinationInput } from './restream.schemas.ts';

/**
 * Restreaming: a creator's broadcast sent on to other platforms (RTMP/RTMPS) by one LiveKit participant egress per
 * broadcast carrying every enabled destination, started and stopped with the broadcast. Keys are write-only.
 */

type Tx = Prisma.TransactionClient;

/** What every destination is sent: 720p H.264 with AAC (what Twitch and YouTube ask for), a keyframe every 2 s. */
const ENCODING = {
  width: 1280,
  height: 720,
  framerate: 30,
  videoBitrate: 3000,
  audioBitrate: 128,
  keyFrameInterval: 2,
  videoCodec: VideoCodec.H264_MAIN,
  audioCodec: AudioCodec.AAC,
};

const toDestination = (row: RestreamDestination) => ({
  id: row.id,
  name: row.name,
  url: row.url,
  keyHint: row.keyHint,
  enabled: row.enabled,
  status: row.status,
  error: row.error,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listDestinations(userId: string) {
  const rows = await prisma.restreamDestination.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return {
    items: rows.map(toDestination),
    max: RESTREAM_DESTINATIONS_MAX,
    available: env.RECORDINGS_ENABLED,
    reason: env.RECORDINGS_ENABLED ? null : env.RECORDINGS_OFF_REASON,
  };
}

/** Addresses inside a private network: the egress would connect to them from inside ours. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Refuses a destination on a private or loopback address unless the server allows it (dev and test stacks). */
function assertReachableIngest(url: string): void {
  if (env.RESTREAM_ALLOW_PRIVATE_HOSTS) return;
  const host = new URL(url.replace(/^rtmps?:/i, 'http:')).hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const inside =
    host === 'localhost' || host.endsWith('.localhost') || (family !== 0 && PRIVATE.check(host, family === 6 ? 'ipv6' : 'ipv4'));
  if (inside)
    throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — url: must be a public address (not this network)', {
      fields: [{ path: 'url', message: 'must be a public address (not this network)' }],
    });
}

const keyFields = (streamKey: string) => ({ keyCipher: sealStreamKey(streamKey), keyHint: streamKey.slice(-4) });

export async function addDestination(userId: string, input: DestinationInput) {
  assertReachableIngest(input.url);
  const row = await prisma.$transaction(async (tx) => {
    // The count and the insert under one lock per creator: two requests at once cannot pass the limit together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`restream-destinations:${userId}`}))`;
    if ((await tx.restreamDestination.count({ where: { userId } })) >= RESTREAM_DESTINATIONS_MAX)
      throw conflict(`You can send your broadcast to at most ${RESTREAM_DESTINATIONS_MAX} places; remove one first.`);
    return tx.restreamDestination.create({
      data: { userId, name: input.name, url: input.url, enabled: input.enabled, ...keyFields(input.streamKey) },
    });
  });
  return toDestination(row);
}

/** Changes apply from the next broadcast (a running restream keeps its destinations). */
export async function changeDestination(userId: string, id: string, change: DestinationChange) {
  if (change.url) assertReachableIngest(change.url);
  const { streamKey, ...rest } = change;
  const updated = await prisma.restreamDestination.updateManyAndReturn({
    where: { id, userId },
    data: { ...rest, ...(streamKey && keyFields(streamKey)) },
  });
  if (!updated[0]) throw notFound('No such restream destination.');
  return toDestination(updated[0]);
}

export async function removeDestination(userId: string, id: string): Promise<void> {
  const removed = await prisma.restreamDestination.deleteMany({ where: { id, userId } });
  if (removed.count === 0) throw notFound('No such restream destination.');
}

/** Starts sending the host's broadcast to every enabled destination (one egress for all of them). */
export async function startRestream(hostId: string): Promise<void> {
  if (!env.RECORDINGS_ENABLED) return;
  const destinations = await prisma.restreamDestination.findMany({
    where: { userId: hostId, enabled: true },
    orderBy: { createdAt: 'asc' },
  });
  const sendable = destinations.flatMap((destination) => {
    const streamKey = openStreamKey(destination.keyCipher);
    return streamKey ? [{ destination, url: `${destination.url}/${streamKey}` }] : [];
  });
  const unreadable = destinations.filter((destination) => !sendable.some((item) => item.destination === destination));
  if (unreadable.length)
    await prisma.restreamDestination.updateMany({
      where: { id: { in: unreadable.map((destination) => destination.id) } },
      data: {
        status: 'FAILED',
        error: 'The saved stream key can no longer be read (the server’s secret changed): enter it again.',
      },
    });
  if (!sendable.length) return;
  const ids = sendable.map((item) => item.destination.id);
  try {
    const info = await egressClient.startParticipantEgress(
      hostId,
      hostId,
      { stream: new StreamOutput({ protocol: StreamProtocol.RTMP, urls: sendable.map((item) => item.url) }) },
      { encodingOptions: new EncodingOptions(ENCODING) },
    );
    await prisma.restreamDestination.updateMany({
      where: { id: { in: ids } },
      data: { egressId: info.egressId, egressUpdatedAt: null, status: 'STARTING', error: null },
    });
  } catch (error) {
    logger.warn({ err: error, hostId }, 'restream could not start');
    await prisma.restreamDestination.updateMany({
      where: { id: { in: ids } },
      data: { status: 'FAILED', error: `The restream could not start: ${(error as Error).message}` },
    });
  }
}

/** Stops the host's restream when the broadcast ends. */
export async function stopRestream(hostId: string): Promise<void> {
  const running = await prisma.restreamDestination.findMany({
    where: { userId: hostId, status: { in: ['STARTING', 'LIVE'] }, egressId: { not: null } },
    distinct: ['egressId'],
    select: { egressId: true },
  });
  for (const { egressId } of running) {
    try {
      await egressClient.stopEgress(egressId!);
    } catch (error) {
      // Already ending or ended (the host left and the egress stopped by itself).
      logger.debug({ err: error, egressId }, 'stopEgress refused');
    }
  }
}

/** StreamInfo.Status of LiveKit's protocol (livekit-server-sdk does not re-export that enum). */
const STREAM = { FINISHED: 1, FAILED: 2 } as const;

/** A destination's state from the egress's report and its own stream's line in it. */
function statusFrom(info: EgressInfo, stream: EgressInfo['streamResults'][number] | undefined) {
  const failed = (error: string) => ({ status: 'FAILED' as RestreamStatus, error });
  switch (info.status) {
    case EgressStatus.EGRESS_STARTING:
      return { status: 'STARTING' as RestreamStatus, error: null };
    case EgressStatus.EGRESS_ACTIVE:
      if (stream && stream.status === STREAM.FAILED) return failed(stream.error || 'The platform dropped the stream.');
      return { status: (stream && stream.status === STREAM.FINISHED ? 'IDLE' : 'LIVE') as RestreamStatus, error: null };
    case EgressStatus.EGRESS_ENDING:
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED:
      // A destination that failed during the broadcast keeps its error until the next one.
      return stream && stream.status === STREAM.FAILED
        ? failed(stream.error || 'The platform dropped the stream.')
        : { status: 'IDLE' as RestreamStatus };
    default:
      return failed(info.error ? `The restream failed: ${info.error}` : 'The restream stopped.');
  }
}

/**
 * Applies an egress report to the destinations it sends to, inside the caller's transaction (the webhook's).
 * The report names each stream by its address with the key redacted, in the order they were asked for; each is
 * matched to the destination with that ingest address, in the same order. Older reports than the last applied are
 * ignored.
 */
export async function applyRestreamReport(tx: Tx, info: EgressInfo): Promise<'applied' | 'stale' | 'ignored'> {
  const destinations = await tx.restreamDestination.findMany({
    where: { egressId: info.egressId },
    orderBy: { createdAt: 'asc' },
  });
  if (!destinations.length) return 'ignored';
  const reportedAt = info.updatedAt || info.endedAt || info.startedAt;
  const unmatched = [...info.streamResults];
  let applied = 0;
  for (const destination of destinations) {
    const index = unmatched.findIndex((stream) => stream.url.startsWith(`${destination.url}/`));
    const stream = index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
    const { count } = await tx.restreamDestination.updateMany({
      where: {
        id: destination.id,
        egressId: info.egressId,
        OR: [{ egressUpdatedAt: null }, { egressUpdatedAt: { lt: reportedAt } }],
      },
      data: { ...statusFrom(info, stream), egressUpdatedAt: reportedAt },
    });
    applied += count;
  }
  return applied ? 'applied' : 'stale';
}

/**
 * Destinations shown as starting or live whose egress LiveKit no longer runs (its final report never reached us) go
 * idle, so the dashboard does not claim a restream that ended. Part of the minute reconciliation.
 */
export async function reconcileRestreams(options: { only?: string[] } = {}): Promise<number> {
  if (!env.RECORDINGS_ENABLED) return 0;
  const running = await prisma.restreamDestination.findMany({
    where: {
      status: { in: ['STARTING', 'LIVE'] },
      egressId: { not: null },
      ...(options.only && { userId: { in: options.only } }),
    },
    distinct: ['egressId'],
    select: { egressId: true },
  });
  if (!running.length) return 0;
  const active = new Set((await egressClient.listEgress({ active: true })).map((egress) => egress.egressId));
  const ended = running.map((row) => row.egressId!).filter((egressId) => !active.has(egressId));
  if (!ended.length) return 0;
  const { count } = await prisma.restreamDestination.updateMany({
    where: { egressId: { in: ended }, status: { in: ['STARTING', 'LIVE'] } },
    data: { status: 'IDLE' },
  });
  return count;
}
