import { spawn, type ChildProcess } from 'node:child_process';

export type Broadcast = { stop: () => Promise<void> };

const running = new Set<ChildProcess>();
const broadcasts = new Set<Broadcast>();
const RECONNECT_DELAY_MS = 1_000;

function spawnFfmpeg(target: string): ChildProcess {
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30',
      '-f', 'lavfi', '-i', 'sine=frequency=440',
      '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-g', '60',
      '-c:a', 'aac', '-f', 'flv', target,
    ],
    { stdio: 'ignore' },
  );
  running.add(ffmpeg);
  ffmpeg.once('exit', () => running.delete(ffmpeg));
  return ffmpeg;
}

/**
 * ffmpeg plays OBS: a test pattern with a tone, H.264 + AAC over RTMP to `${serverUrl}/${streamKey}`. Kept small
 * (640x360, 30 fps) because the ingress transcodes it on a shared 2-core machine. Like OBS it reconnects when the
 * server refuses or drops it (the ingress turns streams away while the machine has no idle CPU).
 */
export function startRtmpBroadcast(serverUrl: string, streamKey: string): Broadcast {
  let stopped = false;
  let current = spawnFfmpeg(`${serverUrl}/${streamKey}`);
  let reconnect: NodeJS.Timeout | undefined;
  const keepGoing = (ffmpeg: ChildProcess) =>
    ffmpeg.once('exit', () => {
      if (stopped) return;
      reconnect = setTimeout(() => {
        if (stopped) return;
        current = spawnFfmpeg(`${serverUrl}/${streamKey}`);
        keepGoing(current);
      }, RECONNECT_DELAY_MS);
    });
  keepGoing(current);
  const broadcast: Broadcast = {
    stop: async () => {
      stopped = true;
      broadcasts.delete(broadcast);
      clearTimeout(reconnect);
      const ffmpeg = current;
      if (ffmpeg.exitCode !== null || ffmpeg.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
      ffmpeg.kill('SIGINT');
      const forced = setTimeout(() => ffmpeg.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    },
  };
  broadcasts.add(broadcast);
  return broadcast;
}

/** For afterEach: no ffmpeg outlives its test, whatever happened in it. */
export async function stopAllBroadcasts(): Promise<void> {
  await Promise.all([...broadcasts].map((broadcast) => broadcast.stop()));
  for (const ffmpeg of running) ffmpeg.kill('SIGKILL');
}
