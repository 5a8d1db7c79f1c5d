import { ingressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { goLive, goOffline, markApplied, syncViewers, withLockedStream } from './live-state.service.ts';
import { listOpenRooms, readRoomState, type RoomState } from './room-state.service.ts';
import { reconcileRestreams } from '../restream/restream.service.ts';
import { reconcileRecordings } from '../recordings/recordings-reconcile.service.ts';
import { mayBroadcast } from '../eligibility/eligibility.service.ts';
import { refuseBroadcast } from './broadcast-control.service.ts';

/** IngressState.Status.ENDPOINT_PUBLISHING (the SDK does not re-export the enum). */
const INGRESS_PUBLISHING = 2;
/** Webhook ids are kept this long: LiveKit retries within minutes, so a week is plenty to catch repeats. */
const WEBHOOK_ID_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type ReconcileReport = { wentOffline: string[]; wentLive: string[] };

/** Rooms an ingress is publishing into; none when the ingress service is not running. */
async function roomsWithPublishingIngress(): Promise<Set<string>> {
  try {
    const ingresses = await ingressClient.listIngress({});
    return new Set(
      ingresses.filter((ingress) => ingress.state?.status === INGRESS_PUBLISHING).map((ingress) => ingress.roomName),
    );
  } catch (error) {
    logger.debug({ err: error }, 'reconcile: ingress list unavailable');
    return new Set();
  }
}

/**
 * Compares isLive in the database with LiveKit's own state and corrects drift, so no stream stays "live"
 * after a missed webhook or a crash (and none stays offline while its host publishes). Viewer counts are
 * brought back in line with the room too. A stream changed by a webhook after the snapshot was taken is
 * left alone: that webhook knows better. `only` limits the pass to some creators.
 */
export async function reconcileLiveState(options: { only?: string[] } = {}): Promise<ReconcileReport> {
  // Webhook times are whole seconds; the snapshot is dated the same way so the two compare.
  const snapshotAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const only = options.only && new Set(options.only);
  const [openRooms, ingressRooms] = await Promise.all([listOpenRooms(), roomsWithPublishingIngress()]);
  const rooms = new Map<string, RoomState>();
  for (const name of openRooms) if (!only || only.has(name)) rooms.set(name, await readRoomState(name));

  const liveStreams = await prisma.stream.findMany({
    where: { isLive: true, ...(only && { userId: { in: [...only] } }) },
    select: { userId: true },
  });
  const publishingHosts = [...rooms].filter(([, room]) => room.hostPublishing).map(([name]) => name);
  const hostIds = new Set([...liveStreams.map((stream) => stream.userId), ...publishingHosts]);

  const report: ReconcileReport = { wentOffline: [], wentLive: [] };
  for (const hostId of hostIds) {
    const room = rooms.get(hostId);
    // An ingress counts only while its room exists: a crashed ingress can leave its state at "publishing".
    let broadcasting = Boolean(room?.hostPublishing || (room && ingressRooms.has(hostId)));
    if (broadcasting && !(await mayBroadcast(hostId))) {
      await refuseBroadcast(hostId);
      broadcasting = false;
    }
    await withLockedStream(hostId, async (tx, stream) => {
      if (stream.lastEventAt && stream.lastEventAt >= snapshotAt) return;
      if (stream.isLive && !broadcasting) {
        await goOffline(tx, stream, snapshotAt);
        await markApplied(tx, stream, snapshotAt);
        report.wentOffline.push(hostId);
      } else if (!stream.isLive && broadcasting) {
        await goLive(tx, stream, snapshotAt, room?.viewers ?? []);
        await markApplied(tx, stream, snapshotAt);
        report.wentLive.push(hostId);
      } else if (stream.isLive) {
        await syncViewers(tx, stream, room?.viewers ?? [], snapshotAt);
      }
    });
  }

  await prisma.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - WEBHOOK_ID_RETENTION_MS) } } });
  // After live state is right: egresses follow it (stopped for offline streams, started for live ones).
  try {
    await reconcileRecordings({ only: options.only });
  } catch (error) {
    logger.warn({ err: error }, 'reconcile: recordings could not be checked (is the egress service reachable?)');
  }
  try {
    await reconcileRestreams({ only: options.only });
  } catch (error) {
    logger.warn({ err: error }, 'reconcile: restreams could not be checked (is the egress service reachable?)');
  }
  return report;
}
