import { EgressStatus } from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import { egressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import {
  egressById,
  launchableSelect,
  restartIfStalled,
  settleAfterRecorderEnded,
  startRecording,
  stopEgress,
} from './recorder.service.ts';
import { OPEN_STATUSES } from './recording-states.ts';
import { finishHlsReplay } from './hls-recording.service.ts';
import { applyEgressUpdate } from './egress-reports.service.ts';

/** Recordings brought in line with LiveKit's record when a webhook was missed or an egress outlived its broadcast. */

/** Recordings still "starting" after this long lost their start (backend crash between the two steps). */
const START_GIVE_UP_MS = 2 * 60_000;

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
    select: { ...launchableSelect, format: true, createdAt: true },
  });
  for (const replay of open) {
    if (replay.egressId && activeIds.has(replay.egressId)) {
      if (await restartIfStalled(replay.id)) report.settled.push(replay.id);
      continue;
    }
    const info = replay.egressId ? await egressById(replay.egressId) : undefined;
    if (info && info.status > EgressStatus.EGRESS_ENDING) {
      await prisma.$transaction((tx) => applyEgressUpdate(tx, info));
      await settleAfterRecorderEnded(info);
      report.settled.push(replay.id);
    } else if (!info && replay.createdAt.getTime() < Date.now() - START_GIVE_UP_MS) {
      const never = 'The recorder never confirmed this recording.';
      if (replay.format === 'HLS') await finishHlsReplay(replay, replay.egressId, never);
      else
        await prisma.replay.update({ where: { id: replay.id }, data: { status: 'FAILED', error: never, endedAt: new Date() } });
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
