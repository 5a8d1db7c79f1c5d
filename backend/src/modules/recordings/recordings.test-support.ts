import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';

type Media = { mp4: Buffer; jpeg: Buffer; ts: Buffer };
let media: Media | undefined;

/**
 * A real 2-second H.264 + Opus MP4 (older recordings), a 2-second H.264 + AAC MPEG-TS segment (HLS recordings) and
 * a JPEG, made once per test file with ffmpeg.
 */
export function sampleMedia(): Media {
  if (media) return media;
  const dir = fs.mkdtempSync(path.join(path.dirname(env.RECORDINGS_DIR), 'sample-'));
  try {
    const mp4 = path.join(dir, 'sample.mp4');
    const jpeg = path.join(dir, 'sample.jpeg');
    const ts = path.join(dir, 'sample.ts');
    const lavfi = ['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440'];
    execFileSync('ffmpeg', ['-loglevel', 'error', ...lavfi, '-t', '2', '-c:v', 'libx264', '-c:a', 'libopus', '-y', mp4]);
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      ...lavfi,
      '-t',
      '2',
      '-c:v',
      'libx264',
      '-c:a',
      'aac',
      '-f',
      'mpegts',
      '-y',
      ts,
    ]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x180', '-frames:v', '1', '-y', jpeg]);
    media = { mp4: fs.readFileSync(mp4), jpeg: fs.readFileSync(jpeg), ts: fs.readFileSync(ts) };
    return media;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type Recorded = { hostId: string; replayId: string; sessionId: string; fileKey: string; startedAt: Date };

/** A finished broadcast of `hostId` with its replay and its files in RECORDINGS_DIR, as the egress leaves them. */
export async function recordedBroadcast(
  hostId: string,
  options: { status?: 'READY' | 'RECORDING'; createdAt?: Date } = {},
): Promise<Recorded> {
  const { mp4, jpeg } = sampleMedia();
  const stream = await prisma.stream.upsert({
    where: { userId: hostId },
    create: { userId: hostId, title: 'Clay day' },
    update: {},
  });
  const startedAt = new Date(Date.now() - 60_000);
  const session = await prisma.streamSession.create({ data: { streamId: stream.id, startedAt, endedAt: new Date() } });
  const fileKey = `${hostId}/${session.id}.mp4`;
  const snapshotPrefix = `${hostId}/${session.id}/snapshot`;
  fs.mkdirSync(path.join(env.RECORDINGS_DIR, hostId, session.id), { recursive: true });
  fs.writeFileSync(path.join(env.RECORDINGS_DIR, fileKey), mp4);
  fs.writeFileSync(path.join(env.RECORDINGS_DIR, `${snapshotPrefix}_00000.jpeg`), jpeg);
  const replay = await prisma.replay.create({
    data: {
      sessionId: session.id,
      hostId,
      title: 'Clay day',
      status: options.status ?? 'READY',
      storage: 'local',
      fileKey,
      snapshotPrefix,
      thumbnailKey: `${snapshotPrefix}_00000.jpeg`,
      mediaStartedAt: new Date(startedAt.getTime() + 2_000),
      durationMs: 2_000,
      sizeBytes: mp4.length,
      createdAt: options.createdAt,
    },
  });
  return { hostId, replayId: replay.id, sessionId: session.id, fileKey, startedAt };
}

export type RecorderPart = { name: string; startedAt: Date; segments: number; closed: boolean };

/** A part's playlist as egress writes it: EVENT, a date per 2 s segment, ENDLIST only when the recorder closed it. */
function partPlaylist(part: RecorderPart): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXT-X-ALLOW-CACHE:NO'];
  lines.push('#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0');
  for (let index = 0; index < part.segments; index++) {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(part.startedAt.getTime() + index * 2000).toISOString()}`);
    lines.push('#EXTINF:2.000,', `${part.name}_${String(index).padStart(5, '0')}.ts`);
  }
  if (part.closed) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** Writes a recorder's part (playlist and segments) into a broadcast's folder, as the recorder leaves it. */
export function writeRecorderPart(folder: string, part: RecorderPart): void {
  fs.writeFileSync(path.join(folder, `${part.name}.m3u8`), partPlaylist(part));
  for (let index = 0; index < part.segments; index++)
    fs.writeFileSync(path.join(folder, `${part.name}_${String(index).padStart(5, '0')}.ts`), sampleMedia().ts);
}

/**
 * A broadcast of `hostId` recorded as HLS, its recorders' parts written to RECORDINGS_DIR as the egress leaves them
 * (a part that died has no ENDLIST), its replay waiting on `egressId` for the last part's report.
 */
export async function hlsBroadcast(hostId: string, parts: RecorderPart[], options: { live: boolean; egressId: string | null }) {
  const { ts, jpeg } = sampleMedia();
  const stream = await prisma.stream.upsert({
    where: { userId: hostId },
    create: { userId: hostId, title: 'Wheel throwing', isLive: options.live },
    update: { isLive: options.live },
  });
  const startedAt = new Date(parts[0]!.startedAt.getTime() - 1_000);
  const session = await prisma.streamSession.create({
    data: { streamId: stream.id, startedAt, endedAt: options.live ? null : new Date() },
  });
  const folder = path.join(env.RECORDINGS_DIR, hostId, session.id);
  fs.mkdirSync(folder, { recursive: true });
  for (const part of parts) writeRecorderPart(folder, part);
  const images = ['snapshot_00000.jpeg', 'snapshot_00001.jpeg', 'snapshot_00002.jpeg'];
  for (const image of images) fs.writeFileSync(path.join(folder, image), jpeg);
  fs.writeFileSync(path.join(folder, 'snapshot.json'), JSON.stringify({ images: images.map((name) => ({ name })) }));
  const replay = await prisma.replay.create({
    data: {
      sessionId: session.id,
      hostId,
      title: 'Wheel throwing',
      status: 'PROCESSING',
      format: 'HLS',
      storage: 'local',
      fileKey: `${hostId}/${session.id}/index.m3u8`,
      snapshotPrefix: `${hostId}/${session.id}/snapshot`,
      hlsParts: parts.map((part) => part.name),
      egressId: options.egressId,
      attempts: parts.length,
    },
  });
  return { replayId: replay.id, sessionId: session.id, folder, segmentBytes: ts.length };
}

/** A finished broadcast of `hostId` recorded as HLS, READY (one part of 3 segments); its first segment's name. */
export async function hlsReplay(hostId: string): Promise<{ id: string; segment: string }> {
  const part = {
    name: `p-${randomBytes(6).toString('hex')}`,
    startedAt: new Date(Date.now() - 60_000),
    segments: 3,
    closed: true,
  };
  const { replayId } = await hlsBroadcast(hostId, [part], { live: false, egressId: null });
  await prisma.replay.update({
    where: { id: replayId },
    data: { status: 'READY', durationMs: 6_000, mediaStartedAt: part.startedAt, endedAt: new Date() },
  });
  return { id: replayId, segment: `${part.name}_00000.ts` };
}
