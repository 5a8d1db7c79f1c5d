import type { Response } from 'express';
import { env } from '../../config/env.ts';
import type { Prisma, ReplayStatus } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { isBlockedBy } from '../social/social.service.ts';
import { storage } from './recordings.storage.ts';
import { hostByUsername, type Viewer } from './replay-access.service.ts';
import { snapshotImages } from './snapshot-manifest.ts';

/** Live pictures: the recorder's JPEG snapshots of a live broadcast, for cards and link previews. */

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
