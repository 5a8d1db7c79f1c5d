import { EgressStatus, type EgressInfo } from 'livekit-server-sdk';
import type { Prisma, ReplayFormat } from '../../generated/prisma/client.ts';
import { OPEN_STATUSES } from './recording-states.ts';
import { storage } from './recordings.storage.ts';
import { Counter } from 'prom-client';
import { metrics } from '../../lib/metrics.ts';

/**
 * What the recorder reports (egress_started / _updated / _ended webhooks, or a reconciliation read) does to a
 * replay, applied in order of the egress's own clock.
 */

type Tx = Prisma.TransactionClient;

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));

/** Maps the egress's output path back to our storage key (local paths are absolute). */
function keyOf(location: string | undefined): string | undefined {
  if (!location) return undefined;
  if (storage.kind === 's3') return location;
  const root = storage.egressLocation('');
  return location.startsWith(root) ? location.slice(root.length).replace(/^\/+/, '') : undefined;
}

/** The replay key a report is about: the MP4 (older recordings), or the folder's playlist of an HLS part. */
function fileKeyOf(info: EgressInfo): string | undefined {
  const request = info.request.case === 'participant' ? info.request.value : undefined;
  const mp4 = keyOf(info.fileResults[0]?.filename || request?.fileOutputs[0]?.filepath);
  if (mp4) return mp4;
  const part = keyOf(request?.segmentOutputs[0]?.playlistName);
  return part && `${part.slice(0, part.lastIndexOf('/'))}/index.m3u8`;
}

function snapshotName(index: number): string {
  return `snapshot_${String(index).padStart(5, '0')}.jpeg`;
}

/** What the creator is told about a recorder that died (its part stays in the replay). */
export const recorderStopped = (reason: string) => `The recorder stopped during the broadcast (${reason}).`;

/**
 * What a report means for the replay. Terminal reports settle an MP4 replay: READY only with a real file. An HLS
 * replay's part ending leaves it PROCESSING: what it becomes (ready, continued by a new recorder, failed) is read
 * from the parts' playlists afterwards (replay-settle.service.ts).
 */
function changesFor(
  info: EgressInfo,
  replay: { snapshotPrefix: string; format: ReplayFormat },
): Prisma.ReplayUpdateManyMutationInput {
  if (replay.format === 'HLS' && FINISHED.has(info.status))
    return { status: 'PROCESSING', ...(info.error && { error: recorderStopped(info.error) }) };
  const { snapshotPrefix } = replay;
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

export const FINISHED = new Set([
  EgressStatus.EGRESS_COMPLETE,
  EgressStatus.EGRESS_FAILED,
  EgressStatus.EGRESS_ABORTED,
  EgressStatus.EGRESS_LIMIT_REACHED,
]);

/**
 * `orphaned`: the recorder finished for a creator whose account is gone (deleted while it was still writing): the
 * caller removes what it wrote.
 */
export async function applyEgressUpdate(tx: Tx, info: EgressInfo): Promise<'applied' | 'stale' | 'ignored' | 'orphaned'> {
  const fileKey = fileKeyOf(info);
  // By id; by file while our start call has not returned yet. A replaced egress's reports match neither.
  const replay = await tx.replay.findFirst({
    where: { OR: [{ egressId: info.egressId }, ...(fileKey ? [{ fileKey, hostId: info.roomName, egressId: null }] : [])] },
    select: { id: true, snapshotPrefix: true, format: true },
  });
  if (!replay) {
    const hostGone =
      FINISHED.has(info.status) && !(await tx.user.findUnique({ where: { id: info.roomName }, select: { id: true } }));
    return hostGone ? 'orphaned' : 'ignored';
  }
  const reportedAt = info.updatedAt || info.endedAt || info.startedAt;
  const updated = await tx.replay.updateMany({
    where: {
      id: replay.id,
      OR: [{ egressUpdatedAt: null }, { egressUpdatedAt: { lt: reportedAt } }],
      // A finished HLS replay was settled from its parts: a late report of its last recorder cannot reopen it.
      ...(replay.format === 'HLS' && { status: { in: OPEN_STATUSES } }),
    },
    data: { ...changesFor(info, replay), egressId: info.egressId, egressUpdatedAt: reportedAt },
  });
  if (updated.count) egressReports.inc({ status: EgressStatus[info.status] ?? String(info.status) });
  return updated.count ? 'applied' : 'stale';
}
