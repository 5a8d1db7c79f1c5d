import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser/chromium.ts';

/** What every benchmark gets: the running backend (serving the built frontend) and the stack's environment. */
export type BenchContext = {
  baseUrl: string;
  /** DATABASE_URL, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET of the running stack. */
  env: Record<string, string>;
  repoRoot: string;
  /** Process ids of the backend, livekit-server and PostgreSQL's postmaster, to read CPU time and memory from /proc. */
  backendPid: number;
  livekitPid: number;
  postgresPid: number;
  /** The RTMP/WHIP ingress service runs beside LiveKit (it needs GStreamer; `pnpm provision` builds it). */
  ingressAvailable: boolean;
  /** The egress service (recordings, HLS) runs beside LiveKit. */
  egressAvailable: boolean;
};

/**
 * A figure a benchmark puts forward, beside the reference measured in the same run that it is read against. The docs
 * quote these through generated tables (`pnpm bench:quotes`), never by hand.
 */
export type Headline = { measure: string; figure: string; reference: string };

/** What a benchmark module's default export resolves to: its section of docs/benchmarks.md and its headlines. */
export type BenchResult = { section: string; headlines: Headline[] };

/** Percentile of already-sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Chromium as the e2e tests start it (scripts/browser/chromium.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A new browser context signed in as a new creator (the context keeps the session cookie). */
export async function creatorBrowserContext(
  browser: Browser,
  baseUrl: string,
  prefix: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; username: string }> {
  const context = await browser.newContext({ ...options, baseURL: baseUrl, permissions: ['camera', 'microphone'] });
  const username = `${prefix}_${randomBytes(4).toString('hex')}`;
  const response = await context.request.post('/api/auth/sign-up/email', {
    data: { email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username },
  });
  if (!response.ok()) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  // Not recorded: a recording's egress would re-encode video beside what is measured.
  const settings = await context.request.put('/api/recordings/settings', { data: { recordingEnabled: false } });
  if (!settings.ok()) throw new Error(`turning recording off failed: ${settings.status()} ${await settings.text()}`);
  return { context, username };
}
