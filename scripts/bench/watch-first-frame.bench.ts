/**
 * Time to first frame on /:username/live in Chromium (navigation start → first decoded video frame of
 * the host's stream), and the JavaScript each page downloads (gzip sizes from the production build).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from '@playwright/test';
import { median, percentile, type BenchContext } from './context.ts';

const RUNS = 15;
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function bundleSizes(repoRoot: string) {
  const dist = path.join(repoRoot, 'frontend/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  // What the home page loads up front: the entry script and its modulepreloads.
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const chunks = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = fs.readFileSync(path.join(dist, 'assets', file));
      return { file: `assets/${file}`, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, livekit: bytes.includes('livekit') };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const initialChunks = chunks.filter((chunk) => initial.includes(chunk.file));
  return { chunks, initialChunks, initialGzip: initialChunks.reduce((sum, chunk) => sum + chunk.gzip, 0), homeLoadsLiveKit: initialChunks.some((chunk) => chunk.livekit) };
}

async function timeToFirstFrame(browser: Browser, baseUrl: string): Promise<number[]> {
  const creator = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const username = `bench_${randomBytes(4).toString('hex')}`;
  const signUp = await creator.request.post(`${baseUrl}/api/auth/sign-up/email`, {
    data: { email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username },
  });
  if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()}`);
  const creatorPage = await creator.newPage();
  await creatorPage.goto(`${baseUrl}/dashboard/go-live`);
  await creatorPage.getByRole('button', { name: 'Start streaming' }).click();
  await creatorPage.getByTestId('local-preview').waitFor();

  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const viewer = await browser.newContext();
    const page = await viewer.newPage();
    await page.goto(`${baseUrl}/${username}/live`);
    // performance.now() counts from navigation start; the first requestVideoFrameCallback is the first shown frame.
    // A string, not a function: tsx would inject helpers the page does not have.
    const ms = await page.evaluate<number>(`new Promise((resolve) => {
      const watch = () => {
        const video = document.querySelector('[data-testid="host-video"]');
        if (!video) return void setTimeout(watch, 5);
        video.requestVideoFrameCallback(() => resolve(performance.now()));
      };
      watch();
    })`);
    samples.push(ms);
    await viewer.close();
  }
  await creator.close();
  return samples;
}

export default async function run(context: BenchContext): Promise<string> {
  const sizes = bundleSizes(context.repoRoot);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let samples: number[];
  try {
    samples = await timeToFirstFrame(browser, context.baseUrl);
  } finally {
    await browser.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`time to first frame: median ${ms(median(samples))}, p90 ${ms(percentile(sorted, 90))}`);

  return `## Watch page: time to first frame and bundle sizes

Chromium (headless, fake camera publisher on the same machine) opens \`/:username/live\` in a fresh context
${RUNS} times; measured from navigation start to the first decoded frame of the host's video
(\`requestVideoFrameCallback\`). Includes loading the page, the lazy LiveKit chunk, the token request, joining
the room over WebRTC and decoding.

| Time to first frame | Value |
|---|---|
| median | ${ms(median(samples))} |
| p90 | ${ms(percentile(sorted, 90))} |
| min / max | ${ms(sorted[0]!)} / ${ms(sorted.at(-1)!)} |

JavaScript, production build (gzip -9):

| What | Size |
|---|---|
| Home page, loaded up front (${sizes.initialChunks.map((chunk) => `\`${chunk.file.replace(/-[\w-]+\.js$/, '')}\``).join(', ')}) | ${kb(sizes.initialGzip)} |
| Home page downloads LiveKit | ${sizes.homeLoadsLiveKit ? '**yes** (regression)' : 'no'} |
${sizes.chunks
  .slice(0, 6)
  .map((chunk) => `| \`${chunk.file.replace(/-[\w-]+\.js$/, '')}\` chunk${chunk.livekit ? ' (LiveKit)' : ''} | ${kb(chunk.gzip)} |`)
  .join('\n')}
`;
}
