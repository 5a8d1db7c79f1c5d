import { startClockRtmpBroadcast, type ClockBroadcast, type EncoderOptions } from '../../scripts/media-clock/rtmp-publisher.ts';

export type Broadcast = { stop: () => Promise<void> };

const broadcasts = new Set<ClockBroadcast>();

/**
 * ffmpeg plays OBS, pushing H.264 + AAC over RTMP to `${serverUrl}/${streamKey}`; its picture and sound carry the
 * media clock (scripts/media-clock), so a test can read how far behind a viewer is. Kept small (640x360, 30 fps)
 * because the ingress transcodes it on a shared 2-core machine. Like OBS it reconnects when the server refuses
 * or drops it.
 */
export function startRtmpBroadcast(serverUrl: string, streamKey: string, options?: EncoderOptions): Broadcast {
  const broadcast = startClockRtmpBroadcast(`${serverUrl}/${streamKey}`, options);
  broadcasts.add(broadcast);
  return {
    stop: async () => {
      broadcasts.delete(broadcast);
      await broadcast.stop();
    },
  };
}

/** For afterEach: no ffmpeg outlives its test, whatever happened in it. */
export async function stopAllBroadcasts(): Promise<void> {
  const running = [...broadcasts];
  broadcasts.clear();
  await Promise.all(running.map((broadcast) => broadcast.stop()));
}
