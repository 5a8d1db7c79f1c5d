/**
 * A child process that publishes a synthetic 1280x720, 30 fps camera into a room with simulcast (three layers),
 * like a creator going live from the browser. The picture moves and carries noise, so the encoder spends its
 * whole bitrate as a real camera would. Reports its encoder's sent bytes and frames per layer over IPC.
 */
import { performance } from 'node:perf_hooks';
import {
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoCodec,
  VideoFrame,
  VideoSource,
  dispose,
} from '@livekit/rtc-node';

export type PublisherCommand = { cmd: 'publish'; wsUrl: string; token: string } | { cmd: 'stats' } | { cmd: 'stop' };
export type PublisherReport =
  | { event: 'publishing' }
  | { event: 'stats'; at: number; layers: Array<{ ssrc: number; width: number; framesEncoded: number; bytesSent: number }> }
  | { event: 'failed'; message: string };

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;
const report = (message: PublisherReport) => process.send!(message);

const room = new Room();
let timer: NodeJS.Timeout | undefined;

/** An I420 frame: moving diagonal bands, plus a block of fresh noise that the encoder cannot predict. */
function drawFrame(buffer: Uint8Array, index: number): void {
  const ySize = WIDTH * HEIGHT;
  for (let row = 0; row < HEIGHT; row++) buffer.fill((row + index * 4) & 0xff, row * WIDTH, (row + 1) * WIDTH);
  const blockX = (index * 8) % (WIDTH - 256);
  for (let row = 200; row < 344; row++) {
    const start = row * WIDTH + blockX;
    for (let column = 0; column < 256; column++) buffer[start + column] = (Math.random() * 256) | 0;
  }
  buffer.fill(128, ySize);
}

async function publish(wsUrl: string, token: string): Promise<void> {
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: true });
  const source = new VideoSource(WIDTH, HEIGHT);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  await room.localParticipant!.publishTrack(
    track,
    new TrackPublishOptions({
      source: TrackSource.SOURCE_CAMERA,
      simulcast: true,
      videoCodec: VideoCodec.VP8,
      videoEncoding: { maxBitrate: 1_700_000n, maxFramerate: FPS },
    }),
  );
  const buffer = new Uint8Array((WIDTH * HEIGHT * 3) / 2);
  let index = 0;
  const startedAt = performance.now();
  const tick = () => {
    drawFrame(buffer, index);
    source.captureFrame(new VideoFrame(buffer, WIDTH, HEIGHT, VideoBufferType.I420), BigInt(Math.round((index * 1e6) / FPS)));
    index++;
    // Keep the frame clock on time even when a frame took long to draw.
    timer = setTimeout(tick, Math.max(0, startedAt + (index * 1000) / FPS - performance.now()));
  };
  tick();
}

async function stats(): Promise<PublisherReport> {
  const session = await room.getRtcStats();
  const at = performance.timeOrigin + performance.now();
  const layers = session.publisherStats.flatMap((stat) => {
    if (stat.stats.case !== 'outboundRtp') return [];
    const outbound = stat.stats.value.outbound;
    const kind = stat.stats.value.stream?.kind;
    if (kind !== 'video' || !outbound) return [];
    return [
      {
        ssrc: stat.stats.value.stream?.ssrc ?? 0,
        width: outbound.frameWidth ?? 0,
        framesEncoded: outbound.framesEncoded ?? 0,
        bytesSent: Number(stat.stats.value.sent?.bytesSent ?? 0n),
      },
    ];
  });
  // One entry per simulcast layer (the stats may list a stream more than once).
  return { event: 'stats', at, layers: [...new Map(layers.map((layer) => [layer.ssrc, layer])).values()] };
}

process.on('message', async (command: PublisherCommand) => {
  try {
    if (command.cmd === 'publish') {
      await publish(command.wsUrl, command.token);
      report({ event: 'publishing' });
    } else if (command.cmd === 'stats') report(await stats());
    else {
      clearTimeout(timer);
      await room.disconnect();
      await dispose();
      process.disconnect?.();
    }
  } catch (error) {
    report({ event: 'failed', message: (error as Error).message });
  }
});
