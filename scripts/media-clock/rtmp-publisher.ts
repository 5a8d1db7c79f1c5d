import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { MEDIA_CLOCK_LAYOUT, isFlash, paintYuvFrame } from './layout.ts';

export type ClockBroadcast = {
  stop: () => Promise<void>;
};

/** OBS's defaults: CBR 2500 Kbps (x264 pads with filler to hold it), AAC 160 Kbps. */
export type EncoderOptions = { videoKbps?: number; constantBitrate?: boolean };

const { width, height, fps, toneHz, audioSampleRate } = MEDIA_CLOCK_LAYOUT;
const SAMPLES_PER_FRAME = audioSampleRate / fps;
const RECONNECT_DELAY_MS = 1_000;

/**
 * ffmpeg as OBS, with the media clock as its camera and microphone: this process paints each frame in real
 * time (wall clock in the code, tone burst with the flash) and pipes raw video (stdin) and raw audio (fd 3) into
 * ffmpeg, which encodes like OBS set up for low delay (x264 zerolatency, no B-frames, 2 s keyframes; AAC) and
 * pushes FLV over RTMP. Like OBS it reconnects when the server refuses or drops it.
 */
export function startClockRtmpBroadcast(target: string, options: EncoderOptions = {}): ClockBroadcast {
  let encoder = spawnEncoder(target, options);
  let stopped = false;
  let frameIndex = 0;
  let reconnect: NodeJS.Timeout | undefined;
  const started = performance.now();

  const keepGoing = (child: ChildProcess) =>
    child.once('exit', () => {
      if (stopped) return;
      reconnect = setTimeout(() => {
        if (stopped) return;
        encoder = spawnEncoder(target, options);
        keepGoing(encoder.child);
      }, RECONNECT_DELAY_MS);
    });
  keepGoing(encoder.child);

  let timer: NodeJS.Timeout;
  const tick = () => {
    const { child } = encoder;
    // Like OBS, frames flow once the connection is up (one frame before it, which ffmpeg needs to start). Every
    // frame after that is sent, late or not: ffmpeg timestamps by count, so skipping would bend its timeline.
    if (child.exitCode === null && (encoder.connected || !encoder.primed)) {
      encoder.primed = true;
      const ms = Date.now();
      // Fresh buffers: a write keeps its buffer until the pipe has taken it.
      const frame = Buffer.alloc((width * height * 3) / 2);
      const audio = Buffer.alloc(SAMPLES_PER_FRAME * 2);
      paintYuvFrame(frame, ms, frameIndex);
      const flash = isFlash(ms);
      for (let sample = 0; sample < SAMPLES_PER_FRAME; sample++) {
        const n = frameIndex * SAMPLES_PER_FRAME + sample;
        audio.writeInt16LE(flash ? Math.round(16_000 * Math.sin((2 * Math.PI * toneHz * n) / audioSampleRate)) : 0, sample * 2);
      }
      child.stdin!.write(frame);
      (child.stdio[3] as Writable).write(audio);
    }
    frameIndex++;
    timer = setTimeout(tick, Math.max(0, started + (frameIndex * 1000) / fps - performance.now()));
  };
  tick();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(reconnect);
      const { child } = encoder;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin!.end();
      (child.stdio[3] as Writable).end();
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

type Encoder = { child: ChildProcess; primed: boolean; connected: boolean };

function spawnEncoder(target: string, { videoKbps = 2500, constantBitrate = true }: EncoderOptions): Encoder {
  const bitrate = `${videoKbps}k`;
  const args = [
    ['-hide_banner', '-nostats', '-loglevel', 'info'],
    // Raw input needs no probing; without these, ffmpeg would wait for seconds of sound before it starts.
    ['-probesize', '32', '-analyzeduration', '0', '-f', 'rawvideo', '-pix_fmt', 'yuv420p'],
    ['-video_size', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0'],
    ['-probesize', '32', '-analyzeduration', '0', '-f', 's16le', '-ar', String(audioSampleRate), '-ac', '1', '-i', 'pipe:3'],
    ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-bf', '0', '-g', String(fps * 2), '-b:v', bitrate],
    constantBitrate ? ['-minrate', bitrate, '-maxrate', bitrate, '-bufsize', bitrate, '-x264-params', 'nal-hrd=cbr'] : [],
    ['-c:a', 'aac', '-b:a', '160k', '-f', 'flv', target],
  ].flat();
  const child = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] });
  const encoder: Encoder = { child, primed: false, connected: false };
  // "Output #0" is printed once the RTMP server has accepted the stream (the tail catches a split line).
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (encoder.connected) return;
    const text = tail + chunk.toString();
    encoder.connected = text.includes('Output #0');
    tail = text.slice(-16);
  });
  // A refused or dropped connection closes the pipes: the exit handler reconnects, the write errors are noise.
  child.stdin!.on('error', () => undefined);
  (child.stdio[3] as Writable).on('error', () => undefined);
  return encoder;
}
