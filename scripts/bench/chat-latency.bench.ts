/**
 * Chat delivery latency: from just before a message is POSTed to the backend until each subscriber in the room
 * receives it over LiveKit's data channel, with 1, 50 and 200 connected subscribers, and how many messages per
 * second the backend accepts. Subscribers are @livekit/rtc-node participants spread over child processes
 * (chat-subscriber.worker.ts). Bounded: 40 timed messages per room size, a 5-second burst; loopback only.
 */
import { createHmac } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, percentile, type BenchContext } from './context.ts';
import type { WorkerCommand, WorkerReport } from './chat-subscriber.worker.ts';

const ROOM_SIZES = [1, 50, 200] as const;
const SUBSCRIBERS_PER_WORKER = 25;
const MESSAGES_PER_SIZE = 40;
/** Below the 5 messages/second per-sender limit, so every timed message is accepted. */
const SEND_INTERVAL_MS = 250;
const READY_TIMEOUT_MS = 60_000;
const THROUGHPUT_SENDERS = 100;
const THROUGHPUT_SECONDS = 5;

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chat-subscriber.worker.ts');
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type GuestToken = { token: string; identity: string; wsUrl: string };

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function createHost(baseUrl: string): Promise<string> {
  const username = `chatbench_${Math.random().toString(16).slice(2, 8)}`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username }),
  });
  return (await json<{ user: { id: string } }>(response)).user.id;
}

async function guestToken(baseUrl: string, hostId: string): Promise<GuestToken> {
  const response = await fetch(`${baseUrl}/api/viewer/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hostId }) });
  return json<GuestToken>(response);
}

function post(baseUrl: string, hostId: string, sender: GuestToken, body: string): Promise<Response> {
  return fetch(`${baseUrl}/api/chat/${hostId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sender.token}` },
    body: JSON.stringify({ body, guestName: 'Bench' }),
  });
}

/**
 * Subscribe-only tokens for the room, marked hidden: every participant still receives the room's data, but
 * 200 visible participants would also make each one process 199 join events, which measures the client.
 */
function subscriberToken(env: Record<string, string>, room: string, identity: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const issuedAt = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    iss: env.LIVEKIT_API_KEY,
    sub: identity,
    nbf: issuedAt - 10,
    exp: issuedAt + 3600,
    video: { room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true },
  })}`;
  return `${unsigned}.${createHmac('sha256', env.LIVEKIT_API_SECRET!).update(unsigned).digest('base64url')}`;
}

type Subscribers = { joined: number; received: Map<string, number[]>; leave: () => Promise<void> };

/** Forks workers that join `count` subscribers to the host's room; resolves once every worker has joined. */
async function startSubscribers(env: Record<string, string>, hostId: string, count: number): Promise<Subscribers> {
  const received = new Map<string, number[]>();
  const workers: ChildProcess[] = [];
  const joins: Array<Promise<number>> = [];
  for (let first = 0; first < count; first += SUBSCRIBERS_PER_WORKER) {
    const tokens = Array.from({ length: Math.min(SUBSCRIBERS_PER_WORKER, count - first) }, (_, index) =>
      subscriberToken(env, hostId, `bench-subscriber-${first + index}`),
    );
    const worker = fork(WORKER, [], { env: { ...process.env, NODE_ENV: 'production' } });
    workers.push(worker);
    worker.on('message', (report: WorkerReport) => {
      if (report.event === 'got') received.get(report.body)?.push(report.at);
    });
    joins.push(
      new Promise((resolve, reject) => {
        worker.on('message', (report: WorkerReport) => report.event === 'joined' && resolve(report.joined));
        worker.once('exit', (code) => reject(new Error(`a subscriber worker exited (${code}) before joining`)));
      }),
    );
    worker.send({ cmd: 'join', wsUrl: env.LIVEKIT_URL!, tokens } satisfies WorkerCommand);
  }
  const leave = async () => {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null || !worker.connected) return resolve();
            const timer = setTimeout(() => worker.kill(), 10_000);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.send({ cmd: 'leave' } satisfies WorkerCommand);
          }),
      ),
    );
  };
  try {
    const joined = (await Promise.all(joins)).reduce((sum, value) => sum + value, 0);
    return { joined, received, leave };
  } catch (error) {
    await leave();
    throw error;
  }
}

type LatencyResult = { subscribers: number; ready: number; deliveries: number; expected: number; p50: number; p99: number; allP50: number; allP99: number; postP50: number };

async function measureLatency(context: BenchContext, size: number): Promise<LatencyResult> {
  const hostId = await createHost(context.baseUrl);
  const subscribers = await startSubscribers(context.env, hostId, size);
  try {
    const sender = await guestToken(context.baseUrl, hostId);
    // Warm-up: a subscriber's data channel opens a moment after it joins; wait until each has had a message.
    const readyBy = now() + READY_TIMEOUT_MS;
    let ready = 0;
    for (let attempt = 0; now() < readyBy; attempt++) {
      const body = `warm-up #${attempt}`;
      subscribers.received.set(body, []);
      await post(context.baseUrl, hostId, sender, body);
      await sleep(500);
      ready = Math.max(ready, subscribers.received.get(body)!.length);
      if (ready >= subscribers.joined) break;
    }

    const sentAt = new Map<string, number>();
    const postMs: number[] = [];
    for (let index = 0; index < MESSAGES_PER_SIZE; index++) {
      const body = `bench ${size} #${index}`;
      subscribers.received.set(body, []);
      const start = now();
      sentAt.set(body, start);
      const response = await post(context.baseUrl, hostId, sender, body);
      postMs.push(now() - start);
      if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
      await sleep(Math.max(0, SEND_INTERVAL_MS - (now() - start)));
    }
    // Let the last deliveries land (bounded).
    const deadline = now() + 5000;
    while (now() < deadline && [...sentAt.keys()].some((body) => subscribers.received.get(body)!.length < ready)) await sleep(50);

    const all: number[] = [];
    const everyone: number[] = [];
    for (const [body, start] of sentAt) {
      const latencies = subscribers.received.get(body)!.map((at) => at - start);
      all.push(...latencies);
      if (latencies.length >= ready) everyone.push(Math.max(...latencies));
    }
    all.sort((a, b) => a - b);
    everyone.sort((a, b) => a - b);
    return {
      subscribers: size,
      ready,
      deliveries: all.length,
      expected: ready * MESSAGES_PER_SIZE,
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      allP50: percentile(everyone, 50),
      allP99: percentile(everyone, 99),
      postP50: median(postMs),
    };
  } finally {
    await subscribers.leave();
  }
}

/** Many senders at once, each waiting out its own rate limit when refused: what the backend accepts per second. */
async function measureThroughput(context: BenchContext) {
  const hostId = await createHost(context.baseUrl);
  const subscribers = await startSubscribers(context.env, hostId, 1);
  try {
    const senders = await Promise.all(Array.from({ length: THROUGHPUT_SENDERS }, () => guestToken(context.baseUrl, hostId)));
    const stopAt = now() + THROUGHPUT_SECONDS * 1000;
    let accepted = 0;
    let refused = 0;
    const postMs: number[] = [];
    await Promise.all(
      senders.map(async (sender, senderIndex) => {
        for (let index = 0; now() < stopAt; index++) {
          const start = now();
          const response = await post(context.baseUrl, hostId, sender, `burst ${senderIndex}-${index}`);
          postMs.push(now() - start);
          if (response.status === 201) accepted++;
          else if (response.status === 429) {
            refused++;
            const { retryAfterMs } = (await response.json()) as { retryAfterMs?: number };
            await sleep(Math.min(retryAfterMs ?? 200, Math.max(0, stopAt - now())));
          } else throw new Error(`unexpected ${response.status} ${await response.text()}`);
        }
      }),
    );
    postMs.sort((a, b) => a - b);
    return { accepted, refused, perSecond: accepted / THROUGHPUT_SECONDS, postP50: percentile(postMs, 50), postP99: percentile(postMs, 99) };
  } finally {
    await subscribers.leave();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

export default async function run(context: BenchContext): Promise<string> {
  const results: LatencyResult[] = [];
  for (const size of ROOM_SIZES) {
    console.log(`  ${size} subscriber(s)…`);
    results.push(await measureLatency(context, size));
  }
  console.log('  throughput…');
  const throughput = await measureThroughput(context);

  const rows = results.map(
    (result) =>
      `| ${result.subscribers} (${result.ready} ready) | ${ms(result.p50)} | ${ms(result.p99)} | ${ms(result.allP50)} | ${ms(result.allP99)} | ${ms(result.postP50)} | ${result.deliveries} / ${result.expected} |`,
  );
  return `## Chat: delivery latency and accepted messages per second

A guest POSTs to \`/api/chat/:hostId/messages\` (identity checked, rules checked against PostgreSQL, message
stored, published with \`sendData\`); subscribers are @livekit/rtc-node participants in the room, spread over
child processes of ${SUBSCRIBERS_PER_WORKER}. Latency runs from just before the POST until a subscriber's data-channel
event fires; ${MESSAGES_PER_SIZE} messages per room size, one every ${SEND_INTERVAL_MS} ms, after a warm-up message reached
every subscriber ("ready"). "Everyone" is the time until the last ready subscriber had a message. Subscribers are
hidden participants (they receive data like anyone, but do not each process hundreds of join events), and
everything — backend, PostgreSQL, LiveKit and all subscribers — shares this machine's cores.

| Subscribers | p50 | p99 | Everyone p50 | Everyone p99 | POST answered p50 | Deliveries |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Accepted messages per second: ${THROUGHPUT_SENDERS} guest senders posting back to back for ${THROUGHPUT_SECONDS} s (each may send
5 per second, so the limit allows ${THROUGHPUT_SENDERS * 5}/s; a refused sender waits the \`retryAfterMs\` it is given), one
subscriber in the room.

| Throughput | Value |
|---|---|
| accepted | ${throughput.accepted} (${throughput.perSecond.toFixed(0)} messages/s) |
| refused by the per-sender rate limit | ${throughput.refused} |
| POST answered p50 / p99 | ${ms(throughput.postP50)} / ${ms(throughput.postP99)} |
`;
}
