/**
 * A child process of raid.bench.ts holding some of the raid's viewers. Each viewer does what the watch page does:
 * asks the backend for a guest pass (from its own network, X-Forwarded-For) and joins the room with it, receiving
 * the host's video. Joins start at the times the parent scheduled; the results and, on request, what each viewer
 * received (from its WebRTC stats) are reported over IPC.
 */
import { performance } from 'node:perf_hooks';
import { Room, dispose } from '@livekit/rtc-node';

export type ViewerJoin = { at: number; ip: string };
export type ViewerCommand =
  { cmd: 'join'; baseUrl: string; hostId: string; joins: ViewerJoin[]; watch: boolean } | { cmd: 'stats' } | { cmd: 'leave' };
export type ViewerReport =
  | { event: 'ready' }
  | { event: 'joined'; results: JoinResult[] }
  | { event: 'stats'; viewers: number; receiving: number; bytes: number; frames: number; widths: number[] }
  | { event: 'left' };
/** `ms` from asking for the pass until connected; `passMs` of it waiting for the backend. */
export type JoinResult = { ok: boolean; ms: number; passMs: number; error?: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (message: ViewerReport) => process.send!(message);
const rooms: Room[] = [];

process.on('uncaughtException', (error) => console.error(`raid viewer worker: ${error.message}`));

async function joinOne(baseUrl: string, hostId: string, join: ViewerJoin, watch: boolean): Promise<JoinResult> {
  await sleep(Math.max(0, join.at - now()));
  const start = now();
  let passMs = NaN;
  try {
    const response = await fetch(`${baseUrl}/api/viewer/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': join.ip },
      body: JSON.stringify({ hostId }),
    });
    if (!response.ok) return { ok: false, ms: now() - start, passMs: now() - start, error: `guest pass: ${response.status}` };
    const { token, wsUrl } = (await response.json()) as { token: string; wsUrl: string };
    passMs = now() - start;
    const room = new Room();
    await room.connect(wsUrl, token, { autoSubscribe: watch, dynacast: true });
    rooms.push(room);
    return { ok: true, ms: now() - start, passMs };
  } catch (error) {
    return { ok: false, ms: now() - start, passMs, error: (error as Error).message };
  }
}

/** Sums every viewer's inbound video: bytes, decoded frames, and the width of the layer it receives. */
async function stats(): Promise<ViewerReport> {
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
  return { event: 'stats', viewers: rooms.length, receiving, bytes, frames, widths };
}

process.on('message', async (command: ViewerCommand) => {
  if (command.cmd === 'join') {
    const results = await Promise.all(command.joins.map((join) => joinOne(command.baseUrl, command.hostId, join, command.watch)));
    report({ event: 'joined', results });
  } else if (command.cmd === 'stats') report(await stats());
  else {
    await Promise.all(rooms.map((room) => room.disconnect().catch(() => undefined)));
    await dispose();
    report({ event: 'left' });
    process.disconnect?.();
  }
});

// rtc-node's native library is loaded by now: the parent starts the raid once every worker says so.
report({ event: 'ready' });
