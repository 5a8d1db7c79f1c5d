/**
 * The media clock: every published frame carries the wall-clock millisecond it was painted at, as a block
 * code that survives H.264/VP8 encoding and scaling, plus a white "flash" square that coincides with a tone
 * burst in the audio (for the audio–video offset). The painter and the reader share this layout; the browser
 * side (browser.js) gets it as `globalThis.MEDIA_CLOCK_LAYOUT`.
 *
 * Code: 2 rows × 20 columns of 32 px blocks across the top of a 640×360 frame, white = 1. Bits 0–31 are the
 * painting time in ms modulo 2^32 (wraps every 49 days: the reader unwraps against its own clock), bits 32–39 a
 * check byte, so a frame caught mid-transition is rejected rather than misread.
 */
export const MEDIA_CLOCK_LAYOUT = {
  width: 640,
  height: 360,
  fps: 30,
  block: 32,
  columns: 20,
  rows: 2,
  /** The flash square (x, y, size), white during the first `flashMs` of every `flashPeriodMs`. */
  flash: { x: 256, y: 168, size: 128 },
  flashPeriodMs: 2000,
  flashMs: 100,
  toneHz: 1000,
  audioSampleRate: 48_000,
} as const;

export type MediaClockLayout = typeof MEDIA_CLOCK_LAYOUT;

/** The 40 bits painted for a wall-clock time: 32 bits of ms, then the check byte (MSB first). */
export function clockBits(ms: number): number[] {
  const low = ms % 2 ** 32;
  const bytes = [(low >>> 24) & 0xff, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff];
  const check = (bytes[0]! ^ bytes[1]! ^ bytes[2]! ^ bytes[3]! ^ 0x5a) & 0xff;
  const bits: number[] = [];
  for (const byte of [...bytes, check]) for (let bit = 7; bit >= 0; bit--) bits.push((byte >> bit) & 1);
  return bits;
}

export function isFlash(ms: number): boolean {
  return ms % MEDIA_CLOCK_LAYOUT.flashPeriodMs < MEDIA_CLOCK_LAYOUT.flashMs;
}

/**
 * Paints one frame into a YUV 4:2:0 buffer (the Y plane carries everything; chroma stays neutral): grey
 * background, a bar that moves so the encoder has work to do, the clock code and the flash square.
 */
export function paintYuvFrame(frame: Buffer, ms: number, frameIndex: number): void {
  const { width, height, block, columns, flash } = MEDIA_CLOCK_LAYOUT;
  const lumaSize = width * height;
  frame.fill(96, 0, lumaSize);
  frame.fill(128, lumaSize);
  const fillRect = (x: number, y: number, w: number, h: number, value: number) => {
    for (let row = y; row < y + h; row++) frame.fill(value, row * width + x, row * width + x + w);
  };
  const barX = (frameIndex * 8) % (width - 40);
  fillRect(barX, block * 2 + 8, 40, height - block * 2 - 8, 200);
  clockBits(ms).forEach((bit, index) => {
    fillRect((index % columns) * block, Math.floor(index / columns) * block, block, block, bit ? 235 : 16);
  });
  fillRect(flash.x, flash.y, flash.size, flash.size, isFlash(ms) ? 235 : 16);
}
