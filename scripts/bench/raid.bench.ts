/**
 * A raid: a crowd of guests joins one live room within 10 seconds (guest pass from the backend, then a LiveKit
 * connection: what the watch page does), while the creator publishes 720p with simulcast. Then video subscribers:
 * livekit-server's own CPU per subscriber (from /proc), as subscribers per vCPU beside LiveKit's published figure.
 * Viewers are @livekit/rtc-node participants spread over child processes; the machine decides how many it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { percentile, type BenchContext, type BenchResult } from './context.ts';
import { coresDuring, idleCores } from './proc.ts';
import type { PublisherCommand, PublisherReport } from './video-publisher.worker.ts';
import type { JoinResult, ViewerCommand, ViewerJoin, ViewerReport } from './raid-viewer.worker.ts';
import { nextClientIp, publisherToken, signUpCreator, until, type Creator } from './site.ts';
import { forkWorker, nextMessage, stopWorker } from './workers.ts';

const TARGET_VIEWERS = 2000;
const RAID_SECONDS = 10;
const VIEWERS_PER_PROCESS = 25;
/** Joins timed one at a time before the raid: the reference join time, and what one join costs each side. */
const REFERENCE_JOINS = 5;
/** Video subscribers decode what they receive (about 5% of a core each at 720p here), so only a few fit. */
const WATCHERS = 20;
const MEASURE_SECONDS = 10;
/** LiveKit's benchmark page: a 720p simulcast livestream, ≈190 subscribers per vCPU. */
const LIVEKIT_PUBLISHED_PER_VCPU = 190;
/** Resident memory an rtc-node viewer needs here (measured: 10–15 MB), with room to spare. */
const BYTES_PER_VIEWER = 20 * 1024 ** 2;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Viewers = { workers: ChildProcess[]; pids: number[] };

async function startViewerProcesses(count: number): Promise<Viewers> {
  const workers = Array.from({ length: count }, () => forkWorker('raid-viewer'));
  await Promise.all(workers.map((worker) => nextMessage<ViewerReport>(worker, (report) => report.event === 'ready')));
  return { workers, pids: workers.map((worker) => worker.pid!) };
}

/** Hands each process its share of `joins` and waits for every result. */
async function join(
  context: BenchContext,
  host: Creator,
  viewers: ChildProcess[],
  joins: ViewerJoin[],
  watch: boolean,
): Promise<JoinResult[]> {
  const shares = viewers.map((_, index) => joins.filter((__, joinIndex) => joinIndex % viewers.length === index));
  const answers = await Promise.all(
    viewers
      .filter((_, index) => shares[index]!.length > 0)
      .map((worker) => {
        const answer = nextMessage<ViewerReport>(worker, (report) => report.event === 'joined');
        worker.send({
          cmd: 'join',
          baseUrl: context.baseUrl,
          hostId: host.id,
          joins: shares[viewers.indexOf(worker)]!,
          watch,
        } satisfies ViewerCommand);
        return answer;
      }),
  );
  return answers.flatMap((answer) => (answer.event === 'joined' ? answer.results : []));
}

type ViewerStats = Extract<ViewerReport, { event: 'stats' }>;
function viewerStats(viewers: ChildProcess[]): Promise<ViewerStats[]> {
  return Promise.all(
    viewers.map((worker) => {
      const answer = nextMessage<ViewerReport>(worker, (report) => report.event === 'stats');
      worker.send({ cmd: 'stats' } satisfies ViewerCommand);
      return answer as Promise<ViewerStats>;
    }),
  );
}

type PublisherStats = Extract<PublisherReport, { event: 'stats' }>;
function publisherStats(publisher: ChildProcess): Promise<PublisherStats> {
  const answer = nextMessage<PublisherReport>(publisher, (report) => report.event === 'stats');
  publisher.send({ cmd: 'stats' } satisfies PublisherCommand);
  return answer as Promise<PublisherStats>;
}

/** What a group of watchers received over the measuring window, what the publisher sent, and livekit-server's cores. */
async function measureVideo(context: BenchContext, publisher: ChildProcess, watchers: ChildProcess[], count: number) {
  await sleep(5000);
  const [before, sentBefore] = await Promise.all([viewerStats(watchers), publisherStats(publisher)]);
  const { cores } = await coresDuring([context.livekitPid], () => sleep(MEASURE_SECONDS * 1000));
  const [after, sentAfter] = await Promise.all([viewerStats(watchers), publisherStats(publisher)]);
  // Rates over the interval between each process's own readings (collecting them takes time on a busy machine).
  let bytesPerSecond = 0;
  let framesPerSecond = 0;
  after.forEach((reading, index) => {
    const seconds = (reading.at - before[index]!.at) / 1000;
    bytesPerSecond += (reading.bytes - before[index]!.bytes) / seconds;
    framesPerSecond += (reading.frames - before[index]!.frames) / seconds;
  });
  // Layers the publisher sent meanwhile (dynacast pauses the ones no subscriber takes).
  const publisherSeconds = (sentAfter.at - sentBefore.at) / 1000;
  const layers = sentAfter.layers
    .map((layer) => {
      const earlier = sentBefore.layers.find((candidate) => candidate.ssrc === layer.ssrc);
      return {
        width: layer.width,
        kbitPerSecond: ((layer.bytesSent - (earlier?.bytesSent ?? 0)) * 8) / 1000 / publisherSeconds,
        framesPerSecond: (layer.framesEncoded - (earlier?.framesEncoded ?? 0)) / publisherSeconds,
      };
    })
    .sort((a, b) => b.width - a.width);
  return {
    layers,
    count,
    receiving: after.reduce((sum, reading) => sum + reading.receiving, 0),
    livekitCores: cores[0]!,
    kbitPerSecond: (bytesPerSecond * 8) / 1000 / count,
    framesPerSecond: framesPerSecond / count,
    widths: [...new Set(after.flatMap((reading) => reading.widths))].sort((a, b) => b - a),
  };
}

const availableMemory = () =>
  Number(/^MemAvailable:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

export default async function run(context: BenchContext): Promise<BenchResult> {
  const host = await signUpCreator(context.baseUrl, 'raided');
  const publisher = forkWorker('video-publisher');
  const processes: ChildProcess[] = [];
  try {
    // The creator goes live at 720p with simulcast, and the site sees it through LiveKit's webhook.
    const publishing = nextMessage<PublisherReport>(publisher, (report) => report.event !== 'stats');
    publisher.send({ cmd: 'publish', ...(await publisherToken(context.baseUrl, host)) } satisfies PublisherCommand);
    const published = await publishing;
    if (published.event === 'failed') throw new Error(`the creator could not publish: ${published.message}`);
    const isLive = async () =>
      ((await (await fetch(`${context.baseUrl}/api/viewer/stream/${host.username}`)).json()) as { isLive?: boolean }).isLive ===
      true;
    await until('the stream to go live', isLive);

    // Reference: single joins, one at a time; they also tell what one join costs this machine's clients.
    const [first] = await startViewerProcesses(1).then((started) => started.workers);
    processes.push(first!);
    // What each side burns with nobody joining (the publisher's stream, timers), to subtract from the joins' cost.
    const quiet = await coresDuring([first!.pid!, context.livekitPid, context.backendPid, context.postgresPid], () =>
      sleep(3000),
    );
    const referenceStart = now() + 100;
    const referenceJoins = Array.from({ length: REFERENCE_JOINS }, (_, index) => ({
      at: referenceStart + index * 1500,
      ip: nextClientIp(),
    }));
    const reference = await coresDuring([first!.pid!, context.livekitPid, context.backendPid, context.postgresPid], () =>
      join(context, host, [first!], referenceJoins, false),
    );
    const referenceOk = reference.result.filter((result) => result.ok).length;
    const referenceCpuPerJoin = reference.cores.map(
      (cores, index) => (Math.max(0, cores - quiet.cores[index]!) * reference.seconds) / Math.max(1, referenceOk),
    );
    const machineCpuPerJoin = referenceCpuPerJoin.reduce((sum, value) => sum + value, 0);
    const referenceMs = sorted(reference.result.map((result) => result.ms));

    // As many as the machine holds: what one join cost every side together against half its cores (other work
    // shares them; the idle share just before is reported), and free memory.
    const idle = await idleCores(2000);
    const byCpu = Math.floor((0.5 * os.cpus().length * RAID_SECONDS) / machineCpuPerJoin);
    const byMemory = Math.floor((availableMemory() * 0.5) / BYTES_PER_VIEWER);
    const raidSize = Math.max(10, Math.min(TARGET_VIEWERS, byCpu, byMemory));
    const limitedBy = raidSize === TARGET_VIEWERS ? 'the target' : byCpu <= byMemory ? 'CPU' : 'free memory';
    console.log(
      `  one join costs ${ms(machineCpuPerJoin * 1000)} of CPU, ${idle.toFixed(2)} cores idle: raid of ${raidSize} (limited by ${limitedBy})`,
    );

    const raiders = await startViewerProcesses(Math.ceil(raidSize / VIEWERS_PER_PROCESS));
    processes.push(...raiders.workers);
    const raidStart = now() + 200;
    const raidJoins = Array.from({ length: raidSize }, (_, index) => ({
      at: raidStart + (index * RAID_SECONDS * 1000) / raidSize,
      ip: nextClientIp(),
    }));
    const raid = await coresDuring([context.livekitPid, context.backendPid, context.postgresPid, ...raiders.pids], () =>
      join(context, host, raiders.workers, raidJoins, false),
    );
    const joined = raid.result.filter((result) => result.ok);
    const failures = new Map<string, number>();
    for (const result of raid.result) {
      // rtc-node's errors carry request dumps: keep the gist.
      const gist = result.error?.split(/[(:]\s*(?=FfiRequest|invalid request)/)[0]!.slice(0, 80);
      if (gist) failures.set(gist, (failures.get(gist) ?? 0) + 1);
    }
    const withinWindow = joined.filter((result) => result.doneAt <= raidStart + RAID_SECONDS * 1000).length;
    const joinMs = sorted(joined.map((result) => result.ms));
    const passMs = sorted(raid.result.map((result) => result.passMs).filter(Number.isFinite));
    const [livekitCores, backendCores, postgresCores, ...clientCores] = raid.cores.map((cores, index) =>
      Math.max(0, cores - (quiet.cores[index + 1] ?? 0)),
    );
    const cpuPerJoin = (cores: number) => (cores * raid.seconds) / Math.max(1, joined.length);
    console.log(
      `  raid: ${joined.length}/${raidSize} joined, p50 ${ms(percentile(joinMs, 50))}, p99 ${ms(percentile(joinMs, 99))}`,
    );

    // The site counts them through LiveKit's webhooks (bounded wait).
    const expectedViewers = joined.length + referenceOk;
    let counted = 0;
    await until(
      'the viewer count to catch up',
      async () => {
        counted =
          ((await (await fetch(`${context.baseUrl}/api/viewer/stream/${host.username}`)).json()) as { viewerCount?: number })
            .viewerCount ?? 0;
        return counted >= expectedViewers;
      },
      30_000,
    ).catch(() => undefined);

    // Video: one subscriber (the reference), then WATCHERS; the difference is what each extra subscriber costs LiveKit.
    const watchers = await startViewerProcesses(Math.ceil(WATCHERS / VIEWERS_PER_PROCESS));
    processes.push(...watchers.workers);
    const [firstWatcher] = watchers.workers;
    await join(context, host, [firstWatcher!], [{ at: now(), ip: nextClientIp() }], true);
    const one = await measureVideo(context, publisher, watchers.workers, 1);
    const moreJoins = Array.from({ length: WATCHERS - 1 }, (_, index) => ({ at: now() + index * 200, ip: nextClientIp() }));
    const more = (await join(context, host, watchers.workers, moreJoins, true)).filter((result) => result.ok).length;
    const many = await measureVideo(context, publisher, watchers.workers, more + 1);
    const perSubscriberCores = (many.livekitCores - one.livekitCores) / (many.count - 1);
    // Forwarding cost scales with what is sent; on a starved machine subscribers may get less than the top layer.
    const extraMbitPerSecond = (many.kbitPerSecond * many.count - one.kbitPerSecond) / 1000;
    const coresPerMbit = (many.livekitCores - one.livekitCores) / extraMbitPerSecond;
    const topLayerMbit = (many.layers[0]?.kbitPerSecond ?? 0) / 1000;
    const atTopLayer = coresPerMbit > 0 && topLayerMbit > 0 ? Math.round(1 / (coresPerMbit * topLayerMbit)) : NaN;
    const layers = many.layers
      .filter((layer) => layer.framesPerSecond > 0)
      .map((layer) => `${layer.width}w at ${layer.framesPerSecond.toFixed(0)} fps, ${layer.kbitPerSecond.toFixed(0)} kbit/s`);
    console.log(`  video: ${many.count} subscribers, LiveKit ${(perSubscriberCores * 1000).toFixed(1)} ms CPU/s each`);

    const refusal = [...failures].map(([error, count]) => `${count} × ${error}`).join('; ') || 'none';
    const extrapolate = (cpuSeconds: number) => `${((cpuSeconds * TARGET_VIEWERS) / RAID_SECONDS).toFixed(1)} cores`;
    const headlines = [
      {
        measure: `A raid: guests joining one room over ${RAID_SECONDS} s`,
        figure: `${joined.length} of ${raidSize} joined (limited by ${limitedBy}), p50 ${ms(percentile(joinMs, 50))}, p99 ${ms(percentile(joinMs, 99))}`,
        reference: `single joins, one at a time: p50 ${ms(percentile(referenceMs, 50))}`,
      },
      {
        measure: 'Video subscribers per vCPU of livekit-server (720p simulcast)',
        figure: perSubscriberCores > 0 ? `${Math.round(1 / perSubscriberCores)} per vCPU (${many.count} subscribers)` : 'n/a',
        reference: `1 subscriber in the same run; LiveKit publishes ≈${LIVEKIT_PUBLISHED_PER_VCPU}/vCPU`,
      },
    ];
    const section = `## A raid: guests joining one live room within ${RAID_SECONDS} s, and video subscribers per vCPU

The creator publishes a synthetic, moving 1280×720, 30 fps camera with simulcast (VP8, three layers, dynacast) from
@livekit/rtc-node with the go-live page's publisher token; LiveKit's webhook made the stream live. While ${WATCHERS}
watched, it sent: ${layers.join('; ') || 'nothing'}. Each viewer is an
rtc-node participant doing what the watch page does: a guest pass (\`POST /api/viewer/token\`, from a household of
its own) then joining the room. Viewers are spread over child processes of ${VIEWERS_PER_PROCESS}. Everything — backend,
PostgreSQL, livekit-server, the publisher and every viewer — shares one 2-core machine that other work also uses,
so the machine decides how many viewers fit: the raid's size comes from what one join cost all sides together in the
reference (${ms(machineCpuPerJoin * 1000)} of CPU, ${ms(referenceCpuPerJoin[0]! * 1000)} of it the rtc-node client's) against half the machine's ${os.cpus().length} cores
for ${RAID_SECONDS} s, and from free memory, capped at the ${TARGET_VIEWERS} of the target. Just before the raid the machine had ${idle.toFixed(2)}
cores idle (the publisher's encoder included). Raid viewers join without subscribing (each rtc-node viewer would decode
720p); the video part then subscribes ${WATCHERS} viewers that decode it.

**Raid: ${raidSize} guests (limited by ${limitedBy}; target ${TARGET_VIEWERS}), joins spread evenly over ${RAID_SECONDS} s**

| Joins | Value | Reference (single joins, one at a time) |
|---|---|---|
| succeeded | ${joined.length} / ${raidSize} (failures: ${refusal}) | ${referenceOk} / ${REFERENCE_JOINS} |
| done within the ${RAID_SECONDS} s | ${withinWindow} | |
| join time (pass + connect) p50 / p99 | ${ms(percentile(joinMs, 50))} / ${ms(percentile(joinMs, 99))} | ${ms(percentile(referenceMs, 50))} / ${ms(percentile(referenceMs, 99))} |
| guest pass p50 / p99 | ${ms(percentile(passMs, 50))} / ${ms(percentile(passMs, 99))} | |
| viewers the site counts (LiveKit webhooks), for ${expectedViewers} joins reported | ${counted} | |

CPU each side spent per successful join — alone (reference) and during the raid — and what ${TARGET_VIEWERS} joins in ${RAID_SECONDS} s
would need at the reference's cost:

| Side | CPU per join, alone | during the raid | for ${TARGET_VIEWERS} in ${RAID_SECONDS} s |
|---|---|---|---|
| livekit-server | ${ms(referenceCpuPerJoin[1]! * 1000)} | ${ms(cpuPerJoin(livekitCores!) * 1000)} | ${extrapolate(referenceCpuPerJoin[1]!)} |
| backend (passes, webhooks) | ${ms(referenceCpuPerJoin[2]! * 1000)} | ${ms(cpuPerJoin(backendCores!) * 1000)} | ${extrapolate(referenceCpuPerJoin[2]!)} |
| PostgreSQL | ${ms(referenceCpuPerJoin[3]! * 1000)} | ${ms(cpuPerJoin(postgresCores!) * 1000)} | ${extrapolate(referenceCpuPerJoin[3]!)} |
| rtc-node client (load generator) | ${ms(referenceCpuPerJoin[0]! * 1000)} | ${ms(cpuPerJoin(clientCores.reduce((sum, value) => sum + value, 0)) * 1000)} | |

**Video: livekit-server's CPU per subscriber** (${MEASURE_SECONDS}-s windows, the raid's viewers still connected)

| Subscribers | receiving video | per subscriber | frames/s decoded | layer width | livekit-server |
|---|---|---|---|---|---|
| 1 | ${one.receiving} | ${one.kbitPerSecond.toFixed(0)} kbit/s | ${one.framesPerSecond.toFixed(1)} | ${one.widths.join(', ') || 'none'} | ${one.livekitCores.toFixed(3)} cores |
| ${many.count} | ${many.receiving} | ${many.kbitPerSecond.toFixed(0)} kbit/s | ${many.framesPerSecond.toFixed(1)} | ${many.widths.join(', ') || 'none'} | ${many.livekitCores.toFixed(3)} cores |

${many.widths.length === 1 && many.widths[0] === 1280 ? 'Every subscriber received the 1280-wide (720p) layer.' : `**LiveKit did not send every subscriber the 720p layer** (widths ${many.widths.join(', ') || 'none'}): its congestion control stepped down because this machine could not keep up, so the figure below is for what was sent.`}
Each subscriber beyond the first cost livekit-server ${(perSubscriberCores * 1000).toFixed(1)} ms of CPU per second:
**${perSubscriberCores > 0 ? Math.round(1 / perSubscriberCores) : 'n/a'} subscribers per vCPU** (LiveKit publishes ≈${LIVEKIT_PUBLISHED_PER_VCPU}/vCPU for a 720p simulcast
livestream: ${perSubscriberCores > 0 ? (1 / perSubscriberCores / LIVEKIT_PUBLISHED_PER_VCPU).toFixed(1) : 'n/a'}× of it). Per forwarded
megabit: ${(coresPerMbit * 1000).toFixed(2)} ms of CPU per second; a subscriber receiving the whole top layer as sent
(${(topLayerMbit * 1000).toFixed(0)} kbit/s) would cost ${(coresPerMbit * topLayerMbit * 1000).toFixed(1)} ms, i.e. ${Number.isFinite(atTopLayer) ? atTopLayer : 'n/a'} subscribers per vCPU.
`;
    return { section, headlines };
  } finally {
    await Promise.all(processes.map((worker) => stopWorker(worker, { cmd: 'leave' } satisfies ViewerCommand)));
    await stopWorker(publisher, { cmd: 'stop' } satisfies PublisherCommand);
  }
}
