/**
 * Glass-to-glass latency per ingest path, through the real watch page: the publisher paints the wall clock into
 * every frame (scripts/media-clock), a guest viewer on /:username/live reads it back from the <video> with
 * requestVideoFrameCallback, and the difference is the delay a viewer sees. Each path runs several broadcasts
 * (an ingress session's delay is fixed when it starts, so one broadcast says little), and is reported against
 * the floor of the same run: the same clock through a WebRTC peer connection inside one page, with no server.
 * The audio–video offset comes from a tone burst that starts with a white square (positive: sound late).
 */
import type { Browser, BrowserContext } from '@playwright/test';
import { installMediaClock, MEDIA_CLOCK_CONTEXT_OPTIONS, readClock, type ClockReading } from '../media-clock/playwright.ts';
import { startClockRtmpBroadcast, type EncoderOptions } from '../media-clock/rtmp-publisher.ts';
import {
  creatorBrowserContext,
  launchChromium,
  median,
  percentile,
  type BenchContext,
  type BenchResult,
  type Headline,
} from './context.ts';
import { until } from './site.ts';

/** Frames read per broadcast after a second of warm-up: 6 s at 30 fps, three tone bursts. */
const FRAMES_PER_BROADCAST = 180;
/** Broadcasts per path; the floor gets one before each path. */
const BROADCASTS = { browser: 3, whip: 3, rtmp: 5, hls: 3 } as const;
const HOST_VIDEO = '[data-testid="host-video"]';
const LOOPBACK_PAGE = 'http://127.0.0.1/media-clock-loopback';

type PathName = 'loopback' | keyof typeof BROADCASTS;
type PathResult = { path: PathName; readings: ClockReading[]; skipped?: string };

const HEADLINE_LABELS: Record<Exclude<PathName, 'loopback'>, string> = {
  browser: 'going live from the browser',
  whip: 'OBS over WHIP',
  rtmp: 'OBS over RTMP',
  hls: 'OBS over RTMP, watched on data saver (HLS)',
};
const LABELS: Record<PathName, string> = {
  loopback: 'WebRTC loopback in one page, no server (the floor)',
  browser: 'Browser go-live → LiveKit → watch page',
  whip: 'WHIP (Chromium as the encoder) → ingress, passthrough → watch page',
  rtmp: 'RTMP (ffmpeg as OBS: x264 zerolatency, no B-frames, AAC) → ingress → watch page',
  hls: 'RTMP → ingress → recorder (2 s HLS segments) → watch page on data saver (hls.js)',
};

/** The stream's live state as the creator's dashboard reads it (set by LiveKit's webhooks). */
function waitForLive(creator: BrowserContext, live: boolean): Promise<void> {
  const isLive = async () => ((await (await creator.request.get('/api/stream/status')).json()) as { isLive: boolean }).isLive;
  return until(`the stream to turn ${live ? 'live' : 'offline'}`, async () => (await isLive()) === live, 60_000);
}

/**
 * A guest in a fresh context opens the watch page, unmutes (sound only flows then) and reads the clock; `overHls`:
 * on data saver, the recorder's HLS segments through hls.js instead of WebRTC.
 */
async function watchClock(browser: Browser, baseUrl: string, username: string, overHls = false): Promise<ClockReading> {
  const context = await browser.newContext({ ...MEDIA_CLOCK_CONTEXT_OPTIONS, baseURL: baseUrl });
  try {
    await installMediaClock(context);
    const page = await context.newPage();
    await page.goto(`/${username}/live`);
    await page.locator(HOST_VIDEO).waitFor({ timeout: 30_000 });
    if (overHls) {
      await page.getByRole('button', { name: 'Data saver' }).click();
      // "~N s behind" shows once hls.js plays a segment.
      await page.getByTestId('hls-behind').filter({ hasText: 'behind' }).waitFor({ timeout: 60_000 });
    }
    await page.getByRole('button', { name: 'Click to unmute' }).click();
    return await readClock(page, overHls ? `${HOST_VIDEO}[data-source="hls"]` : HOST_VIDEO, { frames: FRAMES_PER_BROADCAST });
  } finally {
    await context.close();
  }
}

async function measureLoopback(browser: Browser): Promise<ClockReading> {
  const context = await browser.newContext(MEDIA_CLOCK_CONTEXT_OPTIONS);
  try {
    await installMediaClock(context);
    const page = await context.newPage();
    // An empty page on a loopback origin: AudioWorklet (the sound detector) needs a secure context.
    await page.route(LOOPBACK_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><body></body>' }));
    await page.goto(LOOPBACK_PAGE);
    await page.evaluate('mediaClock.loopback()');
    return await readClock(page, '[data-testid="loopback-video"]', { frames: FRAMES_PER_BROADCAST });
  } finally {
    await context.close();
  }
}

/** The creator's own go-live page, with the clock as camera and microphone. */
async function measureBrowserGoLive(browser: Browser, baseUrl: string, count: number): Promise<ClockReading[]> {
  const { context, username } = await creatorBrowserContext(browser, baseUrl, 'g2g_browser', MEDIA_CLOCK_CONTEXT_OPTIONS);
  const readings: ClockReading[] = [];
  try {
    await installMediaClock(context);
    await context.addInitScript({ content: 'mediaClock.useAsCameraAndMicrophone();' });
    const page = await context.newPage();
    await page.goto('/dashboard/go-live');
    for (let broadcast = 0; broadcast < count; broadcast++) {
      await page.getByRole('button', { name: 'Start streaming' }).click();
      await waitForLive(context, true);
      readings.push(await watchClock(browser, baseUrl, username));
      await page.getByRole('button', { name: 'End stream' }).click();
      await waitForLive(context, false);
    }
  } finally {
    await context.close();
  }
  return readings;
}

async function createKey(creator: BrowserContext, type: 'RTMP' | 'WHIP'): Promise<{ serverUrl: string; streamKey: string }> {
  const response = await creator.request.post('/api/stream/ingress', {
    data: type === 'RTMP' ? { type, quality: '720p' } : { type },
  });
  if (!response.ok()) throw new Error(`creating a ${type} key failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { serverUrl: string; streamKey: string };
}

async function measureWhip(browser: Browser, baseUrl: string, count: number): Promise<ClockReading[]> {
  const { context, username } = await creatorBrowserContext(browser, baseUrl, 'g2g_whip', MEDIA_CLOCK_CONTEXT_OPTIONS);
  const readings: ClockReading[] = [];
  try {
    await installMediaClock(context);
    const { serverUrl, streamKey } = await createKey(context, 'WHIP');
    for (let broadcast = 0; broadcast < count; broadcast++) {
      const encoder = await context.newPage();
      await encoder.goto('/');
      await encoder.evaluate(`mediaClock.publishWhip(${JSON.stringify(`${serverUrl}/${streamKey}`)})`);
      await waitForLive(context, true);
      readings.push(await watchClock(browser, baseUrl, username));
      await encoder.evaluate('mediaClockWhip.stop()');
      await encoder.close();
      await waitForLive(context, false);
    }
  } finally {
    await context.close();
  }
  return readings;
}

async function measureRtmp(
  browser: Browser,
  baseUrl: string,
  count: number,
  encoder: EncoderOptions = {},
  overHls = false,
): Promise<ClockReading[]> {
  const { context, username } = await creatorBrowserContext(browser, baseUrl, overHls ? 'g2g_hls' : 'g2g_rtmp');
  const readings: ClockReading[] = [];
  try {
    // HLS comes from the recorder: this creator is recorded.
    if (overHls) await context.request.put('/api/recordings/settings', { data: { recordingEnabled: true } });
    const { serverUrl, streamKey } = await createKey(context, 'RTMP');
    for (let broadcast = 0; broadcast < count; broadcast++) {
      const obs = startClockRtmpBroadcast(`${serverUrl}/${streamKey}`, encoder);
      try {
        await waitForLive(context, true);
        readings.push(await watchClock(browser, baseUrl, username, overHls));
      } finally {
        await obs.stop();
      }
      await waitForLive(context, false);
    }
  } finally {
    await context.close();
  }
  return readings;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const ratio = (value: number, floor: number) => (Number.isFinite(value) && floor > 0 ? `${(value / floor).toFixed(1)}×` : 'n/a');

function summarise(readings: ClockReading[]) {
  const all = readings.flatMap((reading) => reading.latencies).sort((a, b) => a - b);
  const avOffsets = readings.flatMap((reading) => reading.avOffsets).sort((a, b) => a - b);
  // The same offsets less what each viewer's jitter buffers added: how the stream arrives.
  const avOnArrival = readings
    .flatMap((reading) => reading.avOffsets.map((offset) => offset - reading.receiverAvSkew))
    .sort((a, b) => a - b);
  const medians = readings.map((reading) => median(reading.latencies));
  return {
    frames: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    medians,
    mediansP95: percentile(
      [...medians].sort((a, b) => a - b),
      95,
    ),
    avOffsets,
    avOnArrival,
    unreadable: readings.reduce((sum, reading) => sum + reading.unreadable, 0),
    resolutions: [...new Set(readings.flatMap((reading) => reading.frames.map((frame) => `${frame.width}×${frame.height}`)))],
  };
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const browser = await launchChromium();
  const loopback: ClockReading[] = [];
  const results: PathResult[] = [{ path: 'loopback', readings: loopback }];
  // The floor is measured before each path, so it sees the same machine load as the path it is compared with.
  const floorAndThen = async (path: PathName, measure: () => Promise<ClockReading[]>) => {
    loopback.push(await measureLoopback(browser));
    results.push({ path, readings: await measure() });
  };
  try {
    await floorAndThen('browser', () => measureBrowserGoLive(browser, context.baseUrl, BROADCASTS.browser));
    if (context.ingressAvailable) {
      await floorAndThen('whip', () => measureWhip(browser, context.baseUrl, BROADCASTS.whip));
      await floorAndThen('rtmp', () => measureRtmp(browser, context.baseUrl, BROADCASTS.rtmp));
      if (context.egressAvailable)
        await floorAndThen('hls', () => measureRtmp(browser, context.baseUrl, BROADCASTS.hls, {}, true));
      else results.push({ path: 'hls', readings: [], skipped: 'skipped: the egress service is not installed' });
    } else {
      const skipped = 'skipped: the ingress service is not installed (`pnpm provision`)';
      results.push({ path: 'whip', readings: [], skipped }, { path: 'rtmp', readings: [], skipped });
      results.push({ path: 'hls', readings: [], skipped });
    }
  } finally {
    await browser.close();
  }

  const floor = summarise(results[0]!.readings);
  const headlines: Headline[] = [];
  const rows = results.map(({ path, readings, skipped }) => {
    if (skipped) return `| ${LABELS[path]} | ${skipped} | | | | | | |`;
    const summary = summarise(readings);
    if (path !== 'loopback') {
      headlines.push({
        measure: `Glass to glass: ${HEADLINE_LABELS[path]}`,
        figure: `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}`,
        reference: `${ratio(summary.p50, floor.p50)} the no-server WebRTC floor (p50 ${ms(floor.p50)})`,
      });
    }
    console.log(
      `${path}: p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, broadcast medians ${summary.medians.map(ms).join(', ')}`,
    );
    const spread = (values: number[]) =>
      values.length ? `${ms(median(values))} (${ms(values[0]!)} to ${ms(values.at(-1)!)})` : 'n/a';
    return `| ${LABELS[path]} | ${readings.length} × ${FRAMES_PER_BROADCAST} | **${ms(summary.p50)}** / ${ms(summary.p95)} | ${ratio(summary.p50, floor.p50)} / ${ratio(summary.p95, floor.p95)} | ${summary.medians.map(ms).join(', ')} | ${spread(summary.avOffsets)} | ${spread(summary.avOnArrival)} | ${summary.resolutions.join(', ')} |`;
  });
  const unreadable = results.reduce((sum, result) => sum + summarise(result.readings).unreadable, 0);

  const section = `## Glass-to-glass latency per ingest path

The publisher paints the wall clock into every frame as a block code (and a white square with a 1 kHz tone
burst every 2 s: positive offsets mean the sound comes late; "as it arrives" takes away what the viewer's
own jitter buffers add, i.e. mean audio wait − mean video wait from the browser's WebRTC statistics); a guest in a fresh Chromium context opens \`/:username/live\` on the production build, unmutes,
and reads each shown frame back from the \`<video>\` with \`requestVideoFrameCallback\` (expected display time
minus painted time). Publisher and viewer run on this machine, so the network is loopback: what is measured is
encoding, the servers and the player. ${FRAMES_PER_BROADCAST} frames per broadcast after one second of warm-up;
every broadcast is a new session (a new ingress pipeline for RTMP and WHIP). The floor is the same clock through
a WebRTC peer connection inside one page (no server), measured in the same run (one broadcast before each path,
so it shares the machine's load with them); ratios are to it.
RTMP is ffmpeg playing OBS: raw frames painted in real time by Node, x264 \`veryfast\`/\`zerolatency\`, no
B-frames, 2 s keyframes, AAC, 640×360 at 30 fps, transcoded by the ingress (720p ladder). The HLS path is the
same RTMP broadcast, recorded (2 s segments, 360p in this stack) and played by a guest who chose data saver
(hls.js, two segments behind the newest): its delay is the segment length plus the player's margin.

| Ingest path | Broadcasts × frames | G2G p50 / p95 | ÷ floor (p50 / p95) | Median per broadcast | Sound − picture, heard: median (range) | … as it arrives | Frames seen |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Frames whose code could not be read: ${unreadable}.
`;
  return { section, headlines };
}
