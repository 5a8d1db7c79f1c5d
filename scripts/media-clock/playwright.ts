import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { MEDIA_CLOCK_LAYOUT } from './layout.ts';

const BROWSER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser.js');

/** One frame read back: when it was painted and when the viewer's screen shows it (wall-clock ms). */
export type ClockFrame = {
  sentAt: number;
  shownAt: number;
  /** When the last packet of the frame arrived (WebRTC sources only). */
  receivedAt: number | null;
  width: number;
  height: number;
};
export type ClockReading = {
  frames: ClockFrame[];
  /** Frames whose code could not be read (should stay near 0). */
  unreadable: number;
  /** Glass-to-glass of each frame, ms. */
  latencies: number[];
  /** Audio onset minus video flash of the same burst as the viewer hears and sees it, ms (positive: sound late). */
  avOffsets: number[];
  /**
   * How much of that offset the viewer's own jitter buffers add (mean audio wait − mean video wait, ms): the
   * receiving browser's doing, not the sender's. avOffsets minus this is the offset the stream arrives with.
   */
  receiverAvSkew: number;
};

/**
 * Options for every context the clock runs in. The clock's sound detector is an AudioWorklet loaded from a
 * blob: URL, which the site's Content-Security-Policy rightly forbids (e2e/tests/content-security-policy.spec.ts
 * holds the site to it); the instrument is not the site, so its contexts bypass the policy.
 */
export const MEDIA_CLOCK_CONTEXT_OPTIONS = { bypassCSP: true } as const;

/**
 * Makes `window.mediaClock` available in every page of the context (before any page script runs). The context
 * must be created with MEDIA_CLOCK_CONTEXT_OPTIONS.
 */
export async function installMediaClock(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: `globalThis.MEDIA_CLOCK_LAYOUT = ${JSON.stringify(MEDIA_CLOCK_LAYOUT)};` });
  await context.addInitScript({ path: BROWSER_SCRIPT });
}

/**
 * Reads the clock from the <video> matching `selector` until `frames` frames were decoded after `skipMs` of
 * warm-up (the jitter buffer settles in the first second).
 */
export async function readClock(
  page: Page,
  selector: string,
  options: { frames: number; skipMs?: number; timeoutMs?: number },
): Promise<ClockReading> {
  const skipMs = options.skipMs ?? 1_000;
  await page.evaluate(`globalThis.mediaClockReading = mediaClock.startReader(${JSON.stringify(selector)})`);
  // A function, not a string: Playwright evaluates a string predicate with eval, which a page's CSP may forbid.
  await page.waitForFunction(
    ({ skip, count }) => {
      const reading = (globalThis as unknown as { mediaClockReading: { frames: Array<{ shownAt: number }> } }).mediaClockReading;
      const first = reading.frames[0];
      return first !== undefined && reading.frames.filter((frame) => frame.shownAt >= first.shownAt + skip).length >= count;
    },
    { skip: skipMs, count: options.frames },
    { timeout: options.timeoutMs ?? 60_000, polling: 250 },
  );
  const raw = await page.evaluate<{
    frames: ClockFrame[];
    unreadable: number;
    flashes: Array<{ sentAt: number; shownAt: number }>;
    onsets: number[];
    jitterBuffers: { audio: number; video: number };
  }>(
    `(async () => { const r = globalThis.mediaClockReading; clearInterval(r.timer); return { frames: r.frames, unreadable: r.unreadable, flashes: r.flashes, onsets: r.onsets, jitterBuffers: await r.jitterBuffers() }; })()`,
  );
  const start = raw.frames[0]!.shownAt + skipMs;
  const frames = raw.frames.filter((frame) => frame.shownAt >= start).slice(0, options.frames);
  const end = frames.at(-1)!.shownAt;
  // Each flash pairs with the first sound within a second of it (bursts are 2 s apart).
  const avOffsets = raw.flashes
    .filter((flash) => flash.shownAt >= start && flash.shownAt <= end)
    .flatMap((flash) => {
      const onset = raw.onsets.find((at) => Math.abs(at - flash.shownAt) < 1_000);
      return onset === undefined ? [] : [onset - flash.shownAt];
    });
  return {
    frames,
    unreadable: raw.unreadable,
    latencies: frames.map((frame) => frame.shownAt - frame.sentAt),
    avOffsets,
    receiverAvSkew: raw.jitterBuffers.audio - raw.jitterBuffers.video,
  };
}
