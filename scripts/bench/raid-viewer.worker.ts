/**
 * A child process of raid.bench.ts holding some of a room's viewers. Each viewer does what the watch page does:
 * asks the backend for a guest pass (from a household of its own, X-Forwarded-For) and joins the room with it.
 * Watchers also subscribe to the host's video (and so decode it); raid viewers only join. Joins start at the
 * times the parent scheduled; results and, on request, what the watchers received (their WebRTC stats) go back
 * over IPC.
 */
import { performance } from 'node:perf_hooks';
import { Room, dispose } from '@livekit/rtc-node';

export type ViewerJoin = { at: number; ip: string };
export type ViewerCommand =
  { cmd: 'join'; baseUrl: string; hostId: string; joins: ViewerJoin[]; watch: boolean } | { cmd: 'stats' } | { cmd: 'leave' };
export type ViewerReport =
  | { event: 'ready' }
  | { event: 'joined'; results: JoinResult[] }
  /** `at`: wall-clock ms the counters were read (the middle of reading them). */
  | { event: 'stats'; at: number; receiving: number; bytes: number; frames: number; widths: number[] };
/** `ms` from asking for the pass until connected, `passMs` of it waiting for the backend; `doneAt` wall clock. */
export type JoinResult = { ok: boolean; ms: number; passMs: number; doneAt: number; error?: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (message: ViewerReport) => process.send!(message);
const rooms: Room[] = [];

// rtc-node's native handles sometimes fail to drop after a failed join; that must not end the other viewers.
process.on('uncaughtException', (error) => console.error(`raid viewer worker: ${error.message}`));

async function joinOne(baseUrl: string, hostId: string, join: ViewerJoin, watch: boolean): Promise<JoinResult> {
  await sleep(Math.max(0, join.at - now()));
  const start = now();
  let passMs = NaN;
  const failed = (error: string): JoinResult => ({ ok: false, ms: now() - start, passMs, doneAt: now(), error });
  try {
    const response = await fetch(`${baseUrl}/api/viewer/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': join.ip },
      body: JSON.stringify({ hostId }),
    });
    passMs = now() - start;
    if (!response.ok) return failed(`guest pass: ${response.status}`);
    const { token, wsUrl } = (await response.json()) as { token: string; wsUrl: string };
    const room = new Room();
    await room.connect(wsUrl, token, { autoSubscribe: watch, dynacast: true });
    rooms.push(room);
    return { ok: true, ms: now() - start, passMs, doneAt: now() };
  } catch (error) {
    return failed((error as Error).message);
  }
}

/** Sums the inbound video of every viewer here: bytes, decoded frames, and the width of the layer received. */
async function stats(): Promise<ViewerReport> {
  const startedAt = now();
  let bytes = 0;
  let frames = 0;
  let receiving = 0;
  const widths: number[] = [];
  for (const room of rooms) {
    const session = await room.getRtcStats().catch(() => undefined);
    let roomBytes = 0;
    // Which list holds the inbound stream depends on whether LiveKit runs one or two peer connections per client.
    for (const stat of [...(session?.publisherStats ?? []), ...(session?.subscriberStats ?? [])]) {
      if (stat.stats.case !== 'inboundRtp' || stat.stats.value.stream?.kind !== 'video') continue;
      const inbound = stat.stats.value.inbound;
      roomBytes += Number(inbound?.bytesReceived ?? 0n);
      frames += inbound?.framesDecoded ?? 0;
      if (inbound?.frameWidth) widths.push(inbound.frameWidth);
    }
    bytes += roomBytes;
    if (roomBytes > 0) receiving++;
  }
  return { event: 'stats', at: (startedAt + now()) / 2, receiving, bytes, frames, widths };
}

process.on('message', async (command: ViewerCommand) => {
  if (command.cmd === 'join') {
    const results = await Promise.all(command.joins.map((join) => joinOne(command.baseUrl, command.hostId, join, command.watch)));
    report({ event: 'joined', results });
  } else if (command.cmd === 'stats') report(await stats());
  else {
    await Promise.all(rooms.map((room) => room.disconnect().catch(() => undefined)));
    await dispose();
    process.disconnect?.();
  }
});

// rtc-node's native library is loaded by now: the parent starts timing once every worker says so.
report({ event: 'ready' });
