/**
 * Time to first frame on /:username/live in Chromium (navigation start → first decoded video frame of
 * the host's stream) with where the time goes, and the JavaScript each page downloads (gzip sizes from the
 * production build).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { kilobytes, pageSizes } from '../bundle/page-sizes.ts';
import { launchChromium, median, percentile, creatorBrowserContext, type BenchContext, type BenchResult } from './context.ts';

const RUNS = 15;
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'first-frame-probe.js');

/** Steps to the first frame, in the order they should happen, as ms since navigation start. */
const STEPS = [
  ['html', 'HTML received'],
  ['appScript', 'App script loaded'],
  ['livekitChunk', 'LiveKit chunk loaded'],
  ['tokenStart', 'Token request sent'],
  ['token', 'Token received'],
  ['peerConnectionCreated', 'Peer connection created (its offer goes with the join)'],
  ['signallingStart', 'Signalling: WebSocket opening'],
  ['joined', 'Signalling: joined (first message)'],
  ['videoTrack', 'Video track received'],
  ['mediaConnected', 'ICE + DTLS connected'],
  ['videoElement', 'Player shows the video element'],
  ['firstFrame', 'First frame shown (first keyframe decoded)'],
] as const;
type StepName = (typeof STEPS)[number][0];
type Report = Partial<Record<StepName, number>>;

async function timeToFirstFrame(browser: Browser, baseUrl: string): Promise<Report[]> {
  const { context: creator, username } = await creatorBrowserContext(browser, baseUrl, 'bench');
  const creatorPage = await creator.newPage();
  await creatorPage.goto('/dashboard/go-live');
  await creatorPage.getByRole('button', { name: 'Start streaming' }).click();
  await creatorPage.getByTestId('local-preview').waitFor();

  const reports: Report[] = [];
  for (let run = 0; run < RUNS; run++) {
    const viewer = await browser.newContext();
    await viewer.addInitScript({ path: PROBE });
    const page = await viewer.newPage();
    const firstFrame = page.waitForEvent('console', {
      predicate: (message) => message.text() === 'first-frame',
      timeout: 30_000,
    });
    await page.goto(`${baseUrl}/${username}/live`);
    await firstFrame;
    // The probe says when the first frame showed: polling from here would run scripts in the page it measures.
    reports.push(await page.evaluate<Report>('firstFrameReport()'));
    await viewer.close();
  }
  await creator.close();
  return reports;
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const sizes = pageSizes(context.repoRoot);
  const browser = await launchChromium();
  let reports: Report[];
  try {
    reports = await timeToFirstFrame(browser, context.baseUrl);
  } finally {
    await browser.close();
  }
  const samples = reports.map((report) => report.firstFrame!);
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
  const stepMedian = (step: StepName) =>
    median(reports.map((report) => report[step]).filter((value): value is number => value !== undefined));
  console.log(`time to first frame: median ${ms(median(samples))}, p90 ${ms(percentile(sorted, 90))}`);
  let previous = 0;
  // A step no load took (the token request, when the page carries its pass) is left out.
  const timeline = STEPS.filter(([step]) => Number.isFinite(stepMedian(step))).map(([step, label]) => {
    const at = stepMedian(step);
    const gap = Math.round(at - previous);
    const row = `| ${label} | ${ms(at)} | ${gap < 0 ? '−' : '+'}${Math.abs(gap)} ms |`;
    previous = at;
    return row;
  });
  const passCarried = reports.every((report) => report.tokenStart === undefined);

  const headlines = [
    {
      measure: 'Time to first frame: a guest opening the watch page',
      figure: `p50 ${ms(median(samples))}, p90 ${ms(percentile(sorted, 90))}`,
      reference: `target p50 ≤ 600 ms, p90 ≤ 900 ms; the page's HTML arrived at ${ms(stepMedian('html'))}`,
    },
  ];
  const section = `## Watch page: time to first frame and bundle sizes

A guest in a fresh Chromium context (headless; the creator publishes Chromium's fake camera from the go-live
page on the same machine) opens \`/:username/live\` on the production build ${RUNS} times; measured from
navigation start to the first frame of the host's video the page shows (\`requestVideoFrameCallback\`).

| Time to first frame | Value |
|---|---|
| median | ${ms(median(samples))} |
| p90 | ${ms(percentile(sorted, 90))} |
| min / max | ${ms(sorted[0]!)} / ${ms(sorted.at(-1)!)} |

Where the time goes (median of each step, ms since navigation start; the last column is the time since the
step above, so steps that overlap show small gaps)${passCarried ? '. Every load got its viewer pass in the page, so there is no token request; the boot script evaluated the LiveKit client and opened the room before the app bundle ran' : ''}:

| Step | At | Since previous step |
|---|---|---|
${timeline.join('\n')}

JavaScript each page downloads, production build (gzip -9; the same figures \`pnpm bundle-budget\` checks in \`pnpm test\`):

| Page | Size | Budget (frontend/bundle-budget.json) |
|---|---|---|
${sizes.map((size) => `| ${size.page} (${size.chunks} chunks) | ${kilobytes(size.gzipBytes)} | ${kilobytes(size.maxGzipBytes)} |`).join('\n')}
`;
  return { section, headlines };
}
