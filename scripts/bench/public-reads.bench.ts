/**
 * Public reads and joins: how many requests per second the backend answers on the paths every visitor hits —
 * the home page's lists, a channel page, and a guest's pass to join a stream — as a ratio to GET /health on the
 * same run. autocannon drives each path from its own process; guest passes come from a new household each time.
 */
import type { BenchContext, BenchResult } from './context.ts';
import type { LoadCommand, LoadReport, LoadResult } from './http-load.worker.ts';
import type { LiveHostCommand, LiveHostReport } from './live-host.worker.ts';
import { coresDuring } from './proc.ts';
import { publisherToken, reserveHouseholds, signUpCreator, until } from './site.ts';
import { forkWorker, nextMessage, stopWorker } from './workers.ts';

const LIVE_CREATORS = 12;
const SECONDS = 5;
const WARM_UP_SECONDS = 1;
const CONNECTIONS = 32;
/** Households set aside for one run of guest passes (more than any run here sends). */
const PASS_HOUSEHOLDS = 200_000;
const TARGET_RATIO = 0.5;

type Path = { label: string; path: string; method?: 'POST'; body?: string; distinctClients?: boolean };
/** Cores busy during the run: the backend, PostgreSQL (all its processes) and the load generator. */
type Cores = { backend: number; postgres: number; client: number };
type Measured = Path & LoadResult & { cores: Cores };
type Pair = { reference: Measured; path: Measured };

/** One autocannon run in a fresh process, with the CPU each side used while it ran. */
async function load(context: BenchContext, command: LoadCommand): Promise<LoadResult & { cores: Cores }> {
  const worker = forkWorker('http-load');
  await nextMessage<LoadReport>(worker, (report) => report.event === 'ready');
  const done = nextMessage<LoadReport>(worker, (report) => report.event === 'done');
  const { result, cores } = await coresDuring([context.backendPid, context.postgresPid, worker.pid!], () => {
    worker.send(command);
    return done;
  });
  const [backend, postgres, client] = cores as [number, number, number];
  return { ...(result as LoadResult), cores: { backend, postgres, client } };
}

async function measure(context: BenchContext, path: Path): Promise<Measured> {
  const command = (seconds: number): LoadCommand => ({
    url: `${context.baseUrl}${path.path}`,
    method: path.method ?? 'GET',
    body: path.body,
    seconds,
    connections: CONNECTIONS,
    distinctClientsFrom: path.distinctClients ? reserveHouseholds(PASS_HOUSEHOLDS) : undefined,
  });
  await load(context, command(WARM_UP_SECONDS));
  const result = await load(context, command(SECONDS));
  console.log(`  ${path.label}: ${(result.ok / result.seconds).toFixed(0)}/s, p99 ${result.p99} ms`);
  return { ...path, ...result };
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const creators = await Promise.all(Array.from({ length: LIVE_CREATORS }, () => signUpCreator(context.baseUrl, 'reads')));
  const hosts = forkWorker('live-host');
  const measured: Pair[] = [];
  try {
    const tokens = await Promise.all(creators.map((creator) => publisherToken(context.baseUrl, creator)));
    hosts.send({ cmd: 'go-live', hosts: tokens } satisfies LiveHostCommand);
    const report = await nextMessage<LiveHostReport>(hosts, () => true);
    if (report.event === 'failed') throw new Error(`creators could not go live: ${report.message}`);
    await until(`${LIVE_CREATORS} live streams`, async () => {
      const live = (await (await fetch(`${context.baseUrl}/api/viewer/live?limit=50`)).json()) as { items: unknown[] };
      return live.items.length >= LIVE_CREATORS;
    });

    const health: Path = { label: 'GET /health', path: '/health' };
    const paths: Path[] = [
      { label: 'GET /api/viewer/live', path: '/api/viewer/live' },
      { label: 'GET /api/viewer/recommended', path: '/api/viewer/recommended' },
      { label: 'GET /api/viewer/stream/:username', path: `/api/viewer/stream/${creators[0]!.username}` },
      {
        label: 'POST /api/viewer/token (guest)',
        path: '/api/viewer/token',
        method: 'POST',
        body: JSON.stringify({ hostId: creators[0]!.id }),
        distinctClients: true,
      },
    ];
    // The machine is shared and its load moves: each path gets its own reference, measured just before it.
    for (const path of paths) measured.push({ reference: await measure(context, health), path: await measure(context, path) });
  } finally {
    await stopWorker(hosts, { cmd: 'stop' } satisfies LiveHostCommand);
  }

  const rate = (row: Measured) => row.ok / row.seconds;
  const cpu = (row: Measured) =>
    `${row.cores.backend.toFixed(2)} / ${row.cores.postgres.toFixed(2)} / ${row.cores.client.toFixed(2)}`;
  const rows = measured.map(({ reference, path }) => {
    const ratio = rate(path) / rate(reference);
    const refused = Object.entries(path.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, count]) => `${count} × ${code}`);
    const problems = [...refused, ...(path.errors ? [`${path.errors} errors`] : [])].join(', ') || 'none';
    return [
      `| ${path.label} | ${rate(path).toFixed(0)} | **${ratio.toFixed(2)}×**${ratio >= TARGET_RATIO ? '' : ' (below 0.5×)'} | ${path.p50} / ${path.p99} ms | ${problems} | ${cpu(path)} |`,
      `| ↳ GET /health just before | ${rate(reference).toFixed(0)} | 1× | ${reference.p50} / ${reference.p99} ms | | ${cpu(reference)} |`,
    ].join('\n');
  });

  const headlines = measured.map(({ reference, path }) => ({
    measure: path.label,
    figure: `${rate(path).toFixed(0)} req/s`,
    reference: `${(rate(path) / rate(reference)).toFixed(2)}× GET /health just before (${rate(reference).toFixed(0)} req/s)`,
  }));
  const section = `## Public reads and joins: requests per second against GET /health

${LIVE_CREATORS} creators are live (each joined their room with the go-live page's publisher token and publishes a
track, so LiveKit's webhooks made them live). autocannon, in a process of its own, keeps ${CONNECTIONS} connections
busy on one path for ${SECONDS} s after a ${WARM_UP_SECONDS}-s warm-up; each guest pass is asked for from a new household
(X-Forwarded-For, trusted from the loopback proxy), since passes are limited per network. The reference is
GET /health (no database) measured the same way right before each path. Target: every path ≥ ${TARGET_RATIO}× of /health.
The backend is one Node.js process. "CPU" is the CPU time each side used during the run, in cores (1.00 = one core
busy): backend / PostgreSQL (all its processes) / load generator. Absolute numbers come from a shared 2-core
machine where other work runs too: read the ratios.

| Path | 2xx/s | vs /health | latency p50 / p99 | not 2xx | CPU: backend / PostgreSQL / client |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
  return { section, headlines };
}
