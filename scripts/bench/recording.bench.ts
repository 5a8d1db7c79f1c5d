/**
 * Recording cost and speed: the CPU the egress spends recording one RTMP broadcast (read from /proc, next to the
 * ingress's CPU for the same stream and to one core), and the time from the end of the broadcast to a playable
 * replay (next to the time the site takes to show the stream offline, measured on the same broadcasts).
 */
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { median, type BenchContext, type BenchResult } from './context.ts';
import { startRtmpBroadcast } from '../../e2e/support/obs.ts';

const ROUNDS = 3;
/** CPU is sampled over this window once the recording runs. */
const WINDOW_MS = 20_000;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Api = { get: (path: string) => Promise<unknown>; post: (path: string, body: unknown) => Promise<unknown> };

async function signUp(baseUrl: string): Promise<{ api: Api; hostId: string }> {
  const username = `rec_${randomBytes(4).toString('hex')}`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const hostId = ((await response.json()) as { user: { id: string } }).user.id;
  const call = async (path: string, init: RequestInit = {}) => {
    const reply = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { ...init.headers, Cookie: cookie, Origin: baseUrl, 'Content-Type': 'application/json' },
    });
    if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
    return reply.json();
  };
  return {
    api: { get: (path) => call(path), post: (path, body) => call(path, { method: 'POST', body: JSON.stringify(body) }) },
    hostId,
  };
}

/** Processes whose command line mentions every word (the handlers carry their room name in their arguments). */
function processesMatching(...words: string[]): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return words.every((word) => cmdline.includes(word));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Round = { egressCores: number; ingressCores: number; offlineMs: number; replayMs: number; durationMs: number };

async function recordOnce(baseUrl: string): Promise<Round> {
  const { api, hostId } = await signUp(baseUrl);
  const key = (await api.post('/api/stream/ingress', { type: 'RTMP', quality: '720p' })) as {
    serverUrl: string;
    streamKey: string;
  };
  const mine = async () =>
    ((await api.get('/api/recordings/mine')) as { items: Array<{ status: string; durationMs: number }> }).items[0];
  // The e2e tests' "OBS" (640x360 test pattern + tone, H.264 + AAC over RTMP; it retries when the ingress is busy).
  const obs = startRtmpBroadcast(key.serverUrl, key.streamKey);
  try {
    await waitFor('the recording to run', async () => ((await mine())?.status === 'RECORDING' ? true : undefined));
    const egress = await waitFor('the egress handler', async () => processesMatching('egress', 'run-handler', hostId)[0]);
    const ingress = await waitFor(
      'the ingress handler',
      async () => processesMatching('ingress', 'run-handler', key.streamKey)[0],
    );
    const before = { egress: cpuSeconds(egress), ingress: cpuSeconds(ingress), at: performance.now() };
    await sleep(WINDOW_MS);
    const seconds = (performance.now() - before.at) / 1000;
    const egressCores = (cpuSeconds(egress) - before.egress) / seconds;
    const ingressCores = (cpuSeconds(ingress) - before.ingress) / seconds;

    await obs.stop();
    const ended = performance.now();
    const offlineMs = await waitFor('the stream to go offline', async () =>
      ((await api.get('/api/stream/status')) as { isLive: boolean }).isLive ? undefined : performance.now() - ended,
    );
    const replay = await waitFor('the replay', async () => {
      const latest = await mine();
      if (latest?.status === 'FAILED') throw new Error('the recording failed');
      return latest?.status === 'READY' ? { at: performance.now() - ended, durationMs: latest.durationMs } : undefined;
    });
    return { egressCores, ingressCores, offlineMs, replayMs: replay.at, durationMs: replay.durationMs };
  } finally {
    await obs.stop();
  }
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = await recordOnce(context.baseUrl);
    console.log(
      `round ${round + 1}: egress ${result.egressCores.toFixed(2)} cores, ingress ${result.ingressCores.toFixed(2)} cores, ` +
        `offline after ${Math.round(result.offlineMs)} ms, replay after ${Math.round(result.replayMs)} ms`,
    );
    rounds.push(result);
  }
  const egress = median(rounds.map((round) => round.egressCores));
  const ingress = median(rounds.map((round) => round.ingressCores));
  const ratio = median(rounds.map((round) => round.egressCores / round.ingressCores));
  const offline = median(rounds.map((round) => round.offlineMs));
  const replay = median(rounds.map((round) => round.replayMs));
  const replayRatio = median(rounds.map((round) => round.replayMs / round.offlineMs));
  const ms = (value: number) => `${Math.round(value)} ms`;

  const headlines = [
    {
      measure: 'Recording: egress CPU per stream',
      figure: `${egress.toFixed(2)} cores`,
      reference: `${ratio.toFixed(2)}× the ingress's CPU for the same stream (${ingress.toFixed(2)} cores)`,
    },
    {
      measure: 'Recording: stream end → replay playable',
      figure: ms(replay),
      reference: `${replayRatio.toFixed(1)}× the time until the site shows the stream offline (${ms(offline)})`,
    },
  ];
  const section = `## Recording: egress CPU and time to a replay

${ROUNDS} broadcasts from ffmpeg (640x360, 30 fps, H.264 + AAC over RTMP, the e2e "OBS") into the ingress, each
recorded by a participant egress to HLS (2 s segments, H.264 1280x720 30 fps 3 Mbit/s + AAC 128 kbit/s through the
patched voaacenc) with a JPEG snapshot every 30 s. "Replay playable" is the replay's READY state: the parts'
playlists read back and composed. CPU is read from \`/proc/<pid>/stat\` (user + system) of the egress and ingress handler processes of the
stream over ${WINDOW_MS / 1000} s of recording, on a ${os.cpus().length}-core machine shared with other work.
Medians of the rounds.

| Per recorded stream | Value | Reference |
|---|---|---|
| Egress CPU | ${egress.toFixed(2)} cores (${Math.round(egress * 100)} % of one core) | **${ratio.toFixed(2)}×** the ingress's CPU for the same stream (${ingress.toFixed(2)} cores) |
| Stream end → replay playable (status READY) | ${ms(replay)} | **${replayRatio.toFixed(1)}×** the time until the site shows the stream offline (${ms(offline)}) |

Rounds: ${rounds.map((round) => `${round.egressCores.toFixed(2)} / ${round.ingressCores.toFixed(2)} cores, replay ${ms(round.replayMs)} (${(round.durationMs / 1000).toFixed(1)} s recorded)`).join('; ')}.
`;
  return { section, headlines };
}
