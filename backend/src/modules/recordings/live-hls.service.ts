import type { Response } from 'express';
import { prisma } from '../../lib/prisma.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { isBlockedBy } from '../social/social.service.ts';
import { composeLiveWindow } from './hls-playlist.ts';
import { folderOf, readParts } from './hls-recording.service.ts';
import { OPEN_STATUSES } from './recording-states.ts';
import { storage } from './recordings.storage.ts';
import { hostByUsername, type Viewer } from './replay-access.service.ts';

/**
 * A live broadcast over HLS ("data saver", and the way past one LiveKit node's audience): the newest segments its
 * recorder wrote, for anyone who may watch the channel live (blocked viewers may not, as on the live page).
 */

async function liveRecording(username: string, viewer: Viewer) {
  const host = await hostByUsername(username);
  if (viewer && viewer.id !== host.id && (await isBlockedBy(host.id, viewer.id)))
    throw forbidden('This channel is unavailable to you.', { reason: 'BLOCKED' });
  const replay = await prisma.replay.findFirst({
    where: { hostId: host.id, format: 'HLS', status: { in: OPEN_STATUSES }, session: { endedAt: null } },
    orderBy: { createdAt: 'desc' },
    select: { fileKey: true, hlsParts: true },
  });
  if (!replay) throw notFound(`${host.name} is not live over HLS right now (not live, or not recorded).`);
  return replay;
}

/** The live window (relative segment names: they resolve next to the playlist, through sendLiveSegment). */
export async function livePlaylist(username: string, viewer: Viewer): Promise<string> {
  const replay = await liveRecording(username, viewer);
  const live = composeLiveWindow(await readParts(replay), '');
  if (live.segmentCount === 0) throw notFound('The stream has not reached HLS yet; try again in a few seconds.');
  return live.playlist;
}

export async function sendLiveSegment(res: Response, username: string, segment: string, viewer: Viewer): Promise<void> {
  const replay = await liveRecording(username, viewer);
  if (!replay.hlsParts.includes(segment.slice(0, segment.lastIndexOf('_'))))
    throw notFound('This broadcast has no such segment.');
  await storage.serve(res, `${folderOf(replay.fileKey)}/${segment}`, 'private, max-age=31536000, immutable');
}
