import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { composeRecording, parsePartPlaylist, type ComposedRecording, type Segment } from './hls-playlist.ts';
import { snapshotImages } from './snapshot-manifest.ts';
import { OPEN_STATUSES } from './recording-states.ts';
import { storage } from './recordings.storage.ts';

/** An HLS recording read back from storage: its parts' playlists composed, and how it is finished. */

export type HlsReplay = {
  id: string;
  fileKey: string;
  snapshotPrefix: string;
  hlsParts: string[];
  /** What a recorder's failure report said (kept for the creator when no later failure says more). */
  error: string | null;
};

export const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/'));

/** Each part's segments as its recorder wrote them so far (a part whose playlist is missing counts as empty). */
export async function readParts(replay: Pick<HlsReplay, 'fileKey' | 'hlsParts'>): Promise<Segment[][]> {
  const folder = folderOf(replay.fileKey);
  const playlists = await Promise.all(replay.hlsParts.map((part) => storage.readText(`${folder}/${part}.m3u8`)));
  return playlists.map((text) => (text ? parsePartPlaylist(text) : []));
}

/** The recording so far, composed into one playlist. */
export async function readRecording(
  replay: Pick<HlsReplay, 'fileKey' | 'hlsParts'>,
  finished: boolean,
): Promise<ComposedRecording> {
  return composeRecording(await readParts(replay), finished);
}

const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const rest = `${String(Math.floor((seconds % 3600) / 60)).padStart(hours ? 2 : 1, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return hours ? `${hours}:${rest}` : rest;
};

/** What the creator is told about a recording that did not go cleanly from start to end (null when it did). */
function noteFor(recording: ComposedRecording, failure: string | null): string | null {
  const gaps = recording.timeline.length - 1;
  if (gaps > 0)
    return `A recorder stopped during the broadcast and a new one took over ${gaps === 1 ? 'once' : `${gaps} times`}: the replay skips what was missed.`;
  return failure && `${failure} The replay has the broadcast up to ${clock(recording.durationMs)}.`;
}

/**
 * Settles an HLS replay from what its recorders wrote: READY with every finished segment (after a crash too,
 * with a note for the creator), FAILED only when nothing was recorded. Only while the replay is still open and
 * still on `egressId` (compare-and-swap): of two settlers, one wins.
 */
export async function finishHlsReplay(replay: HlsReplay, egressId: string | null, newFailure: string | null): Promise<void> {
  const failure = newFailure ?? replay.error;
  const recording = await readRecording(replay, true);
  const open = { id: replay.id, egressId, status: { in: OPEN_STATUSES } } satisfies Prisma.ReplayWhereInput;
  if (recording.segmentCount === 0) {
    await prisma.replay.updateMany({
      where: open,
      data: {
        status: 'FAILED',
        error: failure ?? 'Nothing was recorded: the broadcast ended before the recorder received any video.',
        endedAt: new Date(),
      },
    });
    return;
  }
  const manifest = await storage.readText(`${replay.snapshotPrefix}.json`);
  const images = manifest ? snapshotImages(manifest) : [];
  // A last recorder that ends cleanly takes its last picture as the stream closes (a black frame): the one before
  // it shows the broadcast. One that died took none then.
  const picture = images[newFailure ? images.length - 1 : Math.max(0, images.length - 2)];
  await prisma.replay.updateMany({
    where: open,
    data: {
      status: 'READY',
      error: noteFor(recording, failure),
      durationMs: recording.durationMs,
      sizeBytes: await storage.totalBytes(`${folderOf(replay.fileKey)}/p-`),
      ...(recording.timeline[0] && { mediaStartedAt: new Date(recording.timeline[0].startedAt) }),
      timeline: recording.timeline,
      thumbnailKey: picture ? `${folderOf(replay.snapshotPrefix)}/${picture.name}` : null,
      endedAt: new Date(),
    },
  });
}
