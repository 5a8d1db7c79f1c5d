/**
 * A child process holding many live-event streams (GET /api/live/events), each on a raw socket from a household
 * of its own (X-Forwarded-For): a minimal client, so the load generator costs little next to the backend. It
 * reports when its streams are open and, per marked event, when each stream received it.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { householdIp } from './site.ts';

export type SseCommand = { cmd: 'open'; port: number; count: number; firstHousehold: number } | { cmd: 'close' };
export type SseReport =
  | { event: 'open'; open: number; refused: number }
  /** Wall-clock receive times (ms) of the event whose title ends in `marker`, one per stream that got it. */
  | { event: 'received'; marker: number; at: number[] };

/** Events carry titles "fan-out <n>"; the title is the last text field, so the marker is easy to find. */
export const MARKER_PREFIX = 'fan-out ';
const OPEN_BATCH = 100;
const SETTLE_MS = 300;

const now = () => performance.timeOrigin + performance.now();
const report = (message: SseReport) => process.send!(message);
const sockets: net.Socket[] = [];
/** Receive times per marker; sent to the parent once a marker has been quiet for a moment. */
const arrivals = new Map<number, number[]>();
const flushTimers = new Map<number, NodeJS.Timeout>();

function noteArrival(marker: number, at: number) {
  const list = arrivals.get(marker) ?? [];
  list.push(at);
  arrivals.set(marker, list);
  clearTimeout(flushTimers.get(marker));
  flushTimers.set(
    marker,
    setTimeout(() => {
      report({ event: 'received', marker, at: arrivals.get(marker)! });
      arrivals.delete(marker);
    }, SETTLE_MS),
  );
}

const needle = Buffer.from(`"title":"${MARKER_PREFIX}`);

function openStream(port: number, ip: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let opened = false;
    socket.setNoDelay(true);
    socket.once('connect', () =>
      socket.write(
        `GET /api/live/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nX-Forwarded-For: ${ip}\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      const at = now();
      if (!opened) {
        opened = true;
        const ok = chunk.subarray(0, 12).toString() === 'HTTP/1.1 200';
        if (ok) sockets.push(socket);
        else socket.destroy();
        resolve(ok);
      }
      // A stream's chunks are whole events here (one write each), so the marker is never split.
      const found = chunk.indexOf(needle);
      if (found >= 0) noteArrival(parseInt(chunk.subarray(found + needle.length, found + needle.length + 12).toString(), 10), at);
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

process.on('message', async (command: SseCommand) => {
  if (command.cmd === 'open') {
    let open = 0;
    for (let first = 0; first < command.count; first += OPEN_BATCH) {
      const batch = Array.from({ length: Math.min(OPEN_BATCH, command.count - first) }, (_, index) =>
        openStream(command.port, householdIp(command.firstHousehold + first + index)),
      );
      open += (await Promise.all(batch)).filter(Boolean).length;
    }
    report({ event: 'open', open, refused: command.count - open });
  } else {
    for (const socket of sockets) socket.destroy();
    process.disconnect?.();
  }
});
