import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';

type Media = { mp4: Buffer; jpeg: Buffer };
let media: Media | undefined;

/** A real 2-second H.264 + Opus MP4 (the shape the egress writes) and a JPEG, made once per test file with ffmpeg. */
export function sampleMedia(): Media {
  if (media) return media;
  const dir = fs.mkdtempSync(path.join(path.dirname(env.RECORDINGS_DIR), 'sample-'));
  try {
    const mp4 = path.join(dir, 'sample.mp4');
    const jpeg = path.join(dir, 'sample.jpeg');
    const lavfi = ['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440'];
    execFileSync('ffmpeg', ['-loglevel', 'error', ...lavfi, '-t', '2', '-c:v', 'libx264', '-c:a', 'libopus', '-y', mp4]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x180', '-frames:v', '1', '-y', jpeg]);
    media = { mp4: fs.readFileSync(mp4), jpeg: fs.readFileSync(jpeg) };
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
