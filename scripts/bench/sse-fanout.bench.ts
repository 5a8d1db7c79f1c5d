/**
 * Live-update fan-out: one backend instance holding 5,000 open live-event streams (the home page's
 * GET /api/live/events), the memory each costs it, and how long one event takes to reach all of them — against the
 * same event reaching a single stream on the same run. Events are real title changes (PUT /api/stream/info),
 * timed from just before the PUT until each stream's socket received the event.
 */
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { percentile, type BenchContext, type BenchResult } from './context.ts';
import { residentBytes } from './proc.ts';
import { MARKER_PREFIX, type SseCommand, type SseReport } from './sse-clients.worker.ts';
import { reserveHouseholds, signUpCreator, type Creator } from './site.ts';
import { forkWorker, nextMessage, stopWorker } from './workers.ts';

const CLIENTS = 5000;
/** Streams are spread over this many client processes, so reading 5,000 sockets is not one event loop's queue. */
const CLIENT_PROCESSES = 2;
const EVENTS = 10;
/** Events a little over a second apart: the server may coalesce a stream's updates to one per second. */
const EVENT_GAP_MS = 1200;
const DELIVERY_TIMEOUT_MS = 15_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let nextMarker = 1;

type Streams = { open: number; arrivals: Map<number, number[]>; close: () => Promise<void> };

async function openStreams(context: BenchContext, count: number): Promise<Streams> {
  const port = Number(new URL(context.baseUrl).port);
  const arrivals = new Map<number, number[]>();
  const workers: ChildProcess[] = [];
  const close = () =>
    Promise.all(workers.map((worker) => stopWorker(worker, { cmd: 'close' } satisfies SseCommand))).then(() => undefined);
  try {
    const processes = Math.min(CLIENT_PROCESSES, count);
    const opened = await Promise.all(
      Array.from({ length: processes }, (_, index) => {
        const share = Math.floor(count / processes) + (index < count % processes ? 1 : 0);
        const worker = forkWorker('sse-clients');
        workers.push(worker);
        worker.on('message', (report: SseReport) => {
          if (report.event === 'received') arrivals.set(report.marker, [...(arrivals.get(report.marker) ?? []), ...report.at]);
        });
        const open = nextMessage<SseReport>(worker, (report) => report.event === 'open');
        worker.send({ cmd: 'open', port, count: share, firstHousehold: reserveHouseholds(share) } satisfies SseCommand);
        return open;
      }),
    );
    return { open: opened.reduce((sum, report) => sum + (report.event === 'open' ? report.open : 0), 0), arrivals, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type Delivery = { latencies: number[]; lastPerEvent: number[]; delivered: number; expected: number };

/** Changes the creator's title EVENTS times; each change is timed until every open stream has it (or a timeout). */
async function deliverEvents(context: BenchContext, creator: Creator, streams: Streams): Promise<Delivery> {
  const latencies: number[] = [];
  const lastPerEvent: number[] = [];
  let delivered = 0;
  for (let index = 0; index < EVENTS; index++) {
    const marker = nextMarker++;
    const sentAt = now();
    const response = await fetch(`${context.baseUrl}/api/stream/info`, {
      method: 'PUT',
      headers: { Cookie: creator.cookie, Origin: context.baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `${MARKER_PREFIX}${marker}` }),
    });
    if (!response.ok) throw new Error(`title change refused: ${response.status} ${await response.text()}`);
    const deadline = now() + DELIVERY_TIMEOUT_MS;
    while ((streams.arrivals.get(marker)?.length ?? 0) < streams.open && now() < deadline) await sleep(20);
    const arrived = (streams.arrivals.get(marker) ?? []).map((at) => at - sentAt);
    latencies.push(...arrived);
    delivered += arrived.length;
    if (arrived.length === streams.open) lastPerEvent.push(Math.max(...arrived));
    console.log(`    event ${index + 1}: ${arrived.length} streams, last after ${Math.max(...arrived).toFixed(1)} ms`);
    await sleep(Math.max(0, sentAt + EVENT_GAP_MS - now()));
  }
  latencies.sort((a, b) => a - b);
  lastPerEvent.sort((a, b) => a - b);
  return { latencies, lastPerEvent, delivered, expected: EVENTS * streams.open };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

export default async function run(context: BenchContext): Promise<BenchResult> {
  const creator = await signUpCreator(context.baseUrl, 'fanout');

  console.log('  1 stream…');
  const single = await openStreams(context, 1);
  let reference: Delivery;
  try {
    reference = await deliverEvents(context, creator, single);
  } finally {
    await single.close();
  }

  console.log(`  ${CLIENTS} streams…`);
  await sleep(1000);
  const rssBefore = residentBytes(context.backendPid);
  const openedAt = now();
  const crowd = await openStreams(context, CLIENTS);
  const openSeconds = (now() - openedAt) / 1000;
  let rssAfter: number;
  let fanOut: Delivery;
  try {
    await sleep(2000);
    rssAfter = residentBytes(context.backendPid);
    fanOut = await deliverEvents(context, creator, crowd);
  } finally {
    await crowd.close();
  }
  const perStream = (rssAfter - rssBefore) / Math.max(1, crowd.open);
  const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
  console.log(
    `  delivery p99 ${ms(percentile(fanOut.latencies, 99))} to ${crowd.open} (1 stream: ${ms(percentile(reference.latencies, 99))})`,
  );

  const headlines = [
    {
      measure: `Live updates: one event to ${crowd.open.toLocaleString('en')} open event streams`,
      figure: `p50 ${ms(percentile(fanOut.latencies, 50))}, p99 ${ms(percentile(fanOut.latencies, 99))}; ${(perStream / 1024).toFixed(1)} KiB per stream`,
      reference: `1 stream: p50 ${ms(percentile(reference.latencies, 50))}, p99 ${ms(percentile(reference.latencies, 99))}`,
    },
  ];
  const section = `## Live updates: one event to 5,000 open event streams

One backend instance; clients are raw sockets holding \`GET /api/live/events\` open (the home page's stream: every
creator's events), each from a household of its own (X-Forwarded-For), spread over ${CLIENT_PROCESSES} client processes.
An event is a real title change (\`PUT /api/stream/info\` → PostgreSQL NOTIFY → every instance's LISTEN → each
stream); latency runs from just before the PUT until a client's socket received the event, ${EVENTS} events
${EVENT_GAP_MS} ms apart. The reference is the same with a single stream open, on the same run. Memory is the
backend's resident set (/proc) after the streams opened minus before, per stream. Absolute numbers come from a
shared 2-core machine (backend, PostgreSQL and the clients share it).

| Streams | Deliveries | p50 | p99 | Last stream reached, median / worst | p50 / p99 vs 1 stream |
|---|---|---|---|---|---|
| 1 (reference) | ${reference.delivered} / ${reference.expected} | ${ms(percentile(reference.latencies, 50))} | ${ms(percentile(reference.latencies, 99))} | ${ms(percentile(reference.lastPerEvent, 50))} / ${ms(reference.lastPerEvent.at(-1) ?? NaN)} | 1× / 1× |
| ${crowd.open} | ${fanOut.delivered} / ${fanOut.expected} | ${ms(percentile(fanOut.latencies, 50))} | ${ms(percentile(fanOut.latencies, 99))} | ${ms(percentile(fanOut.lastPerEvent, 50))} / ${ms(fanOut.lastPerEvent.at(-1) ?? NaN)} | ${ratio(percentile(fanOut.latencies, 50), percentile(reference.latencies, 50))} / ${ratio(percentile(fanOut.latencies, 99), percentile(reference.latencies, 99))} |

| Memory and set-up | Value |
|---|---|
| streams open / asked for | ${crowd.open} / ${CLIENTS} (opened in ${openSeconds.toFixed(1)} s) |
| backend resident memory before / with the streams | ${mib(rssBefore)} / ${mib(rssAfter)} |
| per stream | ${(perStream / 1024).toFixed(1)} KiB |
`;
  return { section, headlines };
}
