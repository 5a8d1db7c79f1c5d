/**
 * Lighthouse (its node API, version pinned in package.json) on the production build: home, browse, a channel's
 * profile and a live watch page, with the mobile preset (Lighthouse's default: a mid-range phone on a slow 4G
 * link, simulated) and the desktop preset — each beside the same run's floor: a page that loads nothing (served
 * by the bench itself on the same machine), the best any page can score here.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import lighthouse, { type Flags, type RunnerResult } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser/chromium.ts';
import { creatorBrowserContext, launchChromium, type BenchContext, type BenchResult } from './context.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const DEBUGGING_PORT = 9337;
const FLOOR = 'floor (a page that loads nothing)';

type Scores = Record<(typeof CATEGORIES)[number], number> & {
  cls: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  /** Lighthouse's own error for a run it could not measure (e.g. the page never went quiet enough). */
  error?: string;
};

function scoresOf(result: RunnerResult | undefined): Scores {
  if (!result) throw new Error('Lighthouse returned nothing');
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    cls: numeric('cumulative-layout-shift'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    error: result.lhr.runtimeError ? `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}` : undefined,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** Where a page shifted most (the elements Lighthouse blames), for the log. */
function shiftedElements(result: RunnerResult | undefined): string[] {
  const details = result?.lhr.audits['layout-shifts']?.details as
    { items?: Array<{ node?: { selector?: string; snippet?: string }; score?: number }> } | undefined;
  return (details?.items ?? [])
    .slice(0, 3)
    .map((item) => `${item.node?.snippet ?? item.node?.selector ?? '?'} (${item.score?.toFixed(3)})`);
}

/** The audits that cost points, for the report (what to fix next). */
function failingAudits(result: RunnerResult | undefined): string[] {
  if (!result) return [];
  const { categories, audits } = result.lhr;
  return CATEGORIES.filter((id) => id !== 'performance').flatMap((id) =>
    (categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${audits[ref.id]!.title}`),
  );
}

/** The floor: one line of HTML with what every audit asks of a page (language, title, description, viewport). */
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="A page that loads nothing."><title>Floor</title></head><body><main><p>A page that loads nothing.</p></main></body></html>`;

function serveFloorPage(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(FLOOR_PAGE);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }),
    ),
  );
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const floorPage = await serveFloorPage();
  // The creator streams from a browser of their own, so the watch page is live.
  const publisher = await launchChromium();
  const { context: creator, username } = await creatorBrowserContext(publisher, context.baseUrl, 'lighthouse');
  const studio = await creator.newPage();
  await studio.goto('/dashboard/go-live');
  await studio.getByRole('button', { name: 'Start streaming' }).click();
  await studio.getByTestId('local-preview').waitFor();

  const pages = [
    [FLOOR, floorPage.url],
    ['home', '/'],
    ['browse', '/browse'],
    ['channel profile', `/${username}`],
    ['live watch page', `/${username}/live`],
  ] as const;
  const defaults = chromiumLaunchOptions();
  const audited = await chromium.launch({
    ...defaults,
    args: [...(defaults.args ?? []), `--remote-debugging-port=${DEBUGGING_PORT}`],
  });
  const rows: Array<{ page: string; preset: string; scores: Scores; failing: string[] }> = [];
  try {
    for (const [preset, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ] as const) {
      for (const [page, address] of pages) {
        const flags: Flags = { port: DEBUGGING_PORT, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
        const result = await lighthouse(new URL(address, context.baseUrl).toString(), flags, config);
        const scores = scoresOf(result);
        console.log(
          `lighthouse ${preset} ${page}: ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(', ')}${scores.error ? ` (${scores.error})` : ''}`,
        );
        if (scores.cls > 0.05) console.log(`  shifted: ${shiftedElements(result).join(' | ')}`);
        rows.push({ page, preset, scores, failing: failingAudits(result) });
      }
    }
  } finally {
    await audited.close();
    floorPage.close();
    await creator.close();
    await publisher.close();
  }

  const table = (preset: string) =>
    rows
      .filter((row) => row.preset === preset)
      .map(
        ({ page, scores }) =>
          `| ${page} | ${scores.error ? `not measured (${scores.error.split(':')[0]})` : scores.performance} | ${scores.accessibility} | ${scores['best-practices']} | ${scores.seo} | ${ms(scores.fcpMs)} | ${ms(scores.lcpMs)} | ${ms(scores.tbtMs)} | ${Number.isFinite(scores.cls) ? scores.cls.toFixed(3) : 'n/a'} |`,
      )
      .join('\n');
  // Each audit that costs points, with the pages (and presets) where it does.
  const pagesByAudit = new Map<string, string[]>();
  for (const row of rows.filter((each) => each.page !== FLOOR))
    for (const audit of row.failing) pagesByAudit.set(audit, [...(pagesByAudit.get(audit) ?? []), `${row.page} (${row.preset})`]);
  const failing = [...pagesByAudit].map(([audit, where]) => `${audit} — ${where.join(', ')}`);
  const floor = (preset: string) => rows.find((row) => row.preset === preset && row.page === FLOOR)!.scores;
  const performanceOf = (preset: string) =>
    rows
      .filter((row) => row.preset === preset && row.page !== FLOOR)
      .map((row) => `${row.page} ${row.scores.performance}`)
      .join(', ');

  const header =
    '| Page | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|---|---|';
  const section = `## Lighthouse: home, browse, a channel and a live watch page

Lighthouse ${lighthouseVersion(context.repoRoot)} through its node API on the production build served by the backend (plain HTTP
here; HTTPS and HTTP/2 come from the proxy in front), in Debian's Chromium. Mobile is Lighthouse's default preset
(a mid-range phone on slow 4G, simulated); desktop its desktop preset. The watch page is live (a creator streams
from a browser on the same machine). The floor is a page that loads nothing, served from the same machine in the
same run: the best any page can score here.

Mobile:

${header}
${table('mobile')}

Desktop:

${header}
${table('desktop')}

${failing.length ? `What still costs points (accessibility, best practices, SEO):\n\n${failing.map((line) => `- ${line}`).join('\n')}\n` : 'No accessibility, best-practices or SEO audit costs points on any page.\n'}`;

  const headlines = [
    {
      measure: 'Lighthouse performance, mobile preset',
      figure: performanceOf('mobile'),
      reference: `floor ${floor('mobile').performance}; target ≥ 90`,
    },
    {
      measure: 'Lighthouse performance, desktop preset',
      figure: performanceOf('desktop'),
      reference: `floor ${floor('desktop').performance}`,
    },
  ];
  return { section, headlines };
}

function lighthouseVersion(repoRoot: string): string {
  const manifest = fs.readFileSync(path.join(repoRoot, 'node_modules/lighthouse/package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
