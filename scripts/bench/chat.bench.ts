/**
 * Chat at audience scale, every figure beside a reference measured in the same run:
 * - throughput: guests in the room (each its own network, as a raid's are) posting back to back through every
 *   rule; accepted messages/s against GET /health requests/s with the same client and concurrency;
 * - POST latency at 500 messages/s offered (open loop);
 * - delivery latency to 1, 50 and 200 subscribers (rtc-node participants spread over child processes), against
 *   delivery to one subscriber;
 * - completeness: every 201 is in history (PostgreSQL) and reached the subscriber (counted by message).
 */
import { createHmac } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { median, percentile, type BenchContext, type BenchResult } from './context.ts';
import type { WorkerCommand, WorkerReport } from './chat-subscriber.worker.ts';

const ROOM_SIZES = [1, 50, 200] as const;
const PARTICIPANTS_PER_WORKER = 25;
const MESSAGES_PER_SIZE = 40;
/** Below the 5 messages/second per-sender limit, so every timed message is accepted. */
const SEND_INTERVAL_MS = 250;
const READY_TIMEOUT_MS = 60_000;
/** 300 senders at 5/s each allow 1,500 messages/s: the limit is not what is measured. */
const THROUGHPUT_SENDERS = 300;
const CONCURRENCY = 64;
const THROUGHPUT_SECONDS = 5;
const OFFERED_PER_SECOND = 500;

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chat-subscriber.worker.ts');
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type GuestPass = { token: string; identity: string; wsUrl: string; ip: string };

let nextAddress = 0;
/** A distinct made-up client address (the bench backend trusts its loopback proxy), as distinct viewers have. */
const clientAddress = () => `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress++ & 255}`;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function createHost(baseUrl: string): Promise<string> {
  const username = `chatbench_${Math.random().toString(16).slice(2, 8)}`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl, 'X-Forwarded-For': clientAddress() },
    body: JSON.stringify({ email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username }),
  });
  return (await json<{ user: { id: string } }>(response)).user.id;
}

async function guestPass(baseUrl: string, hostId: string): Promise<GuestPass> {
  const ip = clientAddress();
  const response = await fetch(`${baseUrl}/api/viewer/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ hostId }),
  });
  return { ...(await json<Omit<GuestPass, 'ip'>>(response)), ip };
}

function post(baseUrl: string, hostId: string, sender: GuestPass, body: string): Promise<Response> {
  return fetch(`${baseUrl}/api/chat/${hostId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sender.token}`, 'X-Forwarded-For': sender.ip },
    body: JSON.stringify({ body, guestName: `Bench ${sender.identity.slice(-6)}` }),
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

type Participants = { joined: number; received: Map<string, number[]>; leave: () => Promise<void> };

/**
 * Forks workers that connect the given tokens to the room; resolves once every worker has joined. With
 * `reportMessages: false` the participants are only present (as senders must be), and do not send the bench an
 * IPC message per chat message each: 300 of those at hundreds of messages a second starve the bench's own
 * HTTP client, which then measures itself.
 */
async function joinRoom(wsUrl: string, tokens: string[], reportMessages = true): Promise<Participants> {
  const received = new Map<string, number[]>();
  const workers: ChildProcess[] = [];
  const joins: Array<Promise<number>> = [];
  for (let first = 0; first < tokens.length; first += PARTICIPANTS_PER_WORKER) {
    const worker = fork(WORKER, [], { env: { ...process.env, NODE_ENV: 'production' } });
    workers.push(worker);
    worker.on('message', (report: WorkerReport) => {
      if (report.event !== 'got') return;
      const list = received.get(report.body);
      if (list) list.push(report.at);
      else received.set(report.body, [report.at]);
    });
    joins.push(
      new Promise((resolve, reject) => {
        worker.on('message', (report: WorkerReport) => report.event === 'joined' && resolve(report.joined));
        worker.once('exit', (code) => reject(new Error(`a participant worker exited (${code}) before joining`)));
      }),
    );
    worker.send({
      cmd: 'join',
      wsUrl,
      tokens: tokens.slice(first, first + PARTICIPANTS_PER_WORKER),
      report: reportMessages,
    } satisfies WorkerCommand);
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

/** Requests/s and latency of `send` with `concurrency` requests in flight for `seconds`. */
async function closedLoop(send: (index: number) => Promise<Response>, seconds: number, concurrency: number) {
  const stopAt = now() + seconds * 1000;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < stopAt) {
        const start = now();
        // A connection the server closed as idle just as a request went out shows as status 0.
        const status = await send(next++).then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => 0,
        );
        latencies.push(now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

type LatencyResult = {
  subscribers: number;
  ready: number;
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  allP50: number;
  allP99: number;
  postP50: number;
};

async function measureDelivery(context: BenchContext, size: number): Promise<LatencyResult> {
  const hostId = await createHost(context.baseUrl);
  const sender = await guestPass(context.baseUrl, hostId);
  const tokens = [
    sender.token,
    ...Array.from({ length: size }, (_, index) => subscriberToken(context.env, hostId, `bench-subscriber-${index}`)),
  ];
  const room = await joinRoom(context.env.LIVEKIT_URL!, tokens);
  const subscribers = room.joined - 1;
  try {
    // Warm-up: a participant's data channel opens a moment after it joins; wait until each has had a message.
    const readyBy = now() + READY_TIMEOUT_MS;
    let ready = 0;
    for (let attempt = 0; now() < readyBy; attempt++) {
      const body = `warm-up ${size} #${attempt}`;
      await post(context.baseUrl, hostId, sender, body);
      await sleep(500);
      // The sender is in the room too and receives its own message.
      ready = Math.max(ready, (room.received.get(body)?.length ?? 0) - 1);
      if (ready >= subscribers) break;
    }

    const sentAt = new Map<string, number>();
    const postMs: number[] = [];
    for (let index = 0; index < MESSAGES_PER_SIZE; index++) {
      const body = `bench ${size} #${index}`;
      const start = now();
      sentAt.set(body, start);
      const response = await post(context.baseUrl, hostId, sender, body);
      postMs.push(now() - start);
      if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
      await sleep(Math.max(0, SEND_INTERVAL_MS - (now() - start)));
    }
    const deadline = now() + 5000;
    while (now() < deadline && [...sentAt.keys()].some((body) => (room.received.get(body)?.length ?? 0) < ready + 1))
      await sleep(50);

    const all: number[] = [];
    const everyone: number[] = [];
    for (const [body, start] of sentAt) {
      // Drop the sender's own copy: the fastest arrival is as likely to be theirs as anyone's, so drop one.
      const latencies = (room.received.get(body) ?? [])
        .map((at) => at - start)
        .sort((a, b) => a - b)
        .slice(1);
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
    await room.leave();
  }
}

type ThroughputResult = {
  /** Senders whose participant joined the room (the others sit out). */
  senders: number;
  health: Awaited<ReturnType<typeof closedLoop>>;
  chat: Awaited<ReturnType<typeof closedLoop>>;
  offered: { perSecond: number; p50: number; p99: number; accepted: number; sent: number };
  accepted: number;
  inHistory: number;
  delivered: number;
};

/** Counts this room's stored messages among `ids`. */
async function storedOf(databaseUrl: string, hostId: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ body: string }>('SELECT "body" FROM "ChatMessage" WHERE "hostId" = $1', [hostId]);
    return new Set(rows.rows.map((row) => row.body));
  } finally {
    await client.end();
  }
}

async function measureThroughput(context: BenchContext): Promise<ThroughputResult> {
  const hostId = await createHost(context.baseUrl);
  let senders: GuestPass[] = [];
  for (let start = 0; start < THROUGHPUT_SENDERS; start += 50)
    senders.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, THROUGHPUT_SENDERS - start) }, () => guestPass(context.baseUrl, hostId)),
      )),
    );
  const listener = subscriberToken(context.env, hostId, 'bench-listener');
  const room = await joinRoom(context.env.LIVEKIT_URL!, [listener]);
  const present = await joinRoom(
    context.env.LIVEKIT_URL!,
    senders.map((sender) => sender.token),
    false,
  );
  try {
    const accepted = new Set<string>();
    const health = await closedLoop(() => fetch(`${context.baseUrl}/health`), THROUGHPUT_SECONDS, CONCURRENCY);
    // Warm every sender's presence and name once, as a chat that has been running would be. A sender whose
    // participant did not manage to join (a loaded machine refuses some) is refused here and sits out: its
    // requests would measure LiveKit's "not in the room" lookups instead of chat.
    const warmed = await Promise.all(
      senders.map(async (sender, index) => {
        const response = await post(context.baseUrl, hostId, sender, `hello ${index}`);
        await response.arrayBuffer();
        return response.status === 201 ? sender : undefined;
      }),
    );
    senders = warmed.filter((sender) => sender !== undefined);
    await sleep(1100);
    const chat = await closedLoop(
      async (index) => {
        const body = `burst ${index}`;
        const response = await post(context.baseUrl, hostId, senders[index % senders.length]!, body);
        if (response.status === 201) accepted.add(body);
        return response;
      },
      THROUGHPUT_SECONDS,
      CONCURRENCY,
    );
    await sleep(1100);

    // Open loop: a steady 500 messages/s, whatever the answers do.
    const offeredLatencies: number[] = [];
    let offeredAccepted = 0;
    const total = OFFERED_PER_SECOND * THROUGHPUT_SECONDS;
    const startedAt = now();
    const inFlight: Array<Promise<void>> = [];
    for (let index = 0; index < total; index++) {
      const due = startedAt + (index * 1000) / OFFERED_PER_SECOND;
      if (due > now()) await sleep(due - now());
      const body = `steady ${index}`;
      inFlight.push(
        (async () => {
          const start = now();
          const response = await post(context.baseUrl, hostId, senders[index % senders.length]!, body).catch(() => undefined);
          await response?.arrayBuffer();
          offeredLatencies.push(now() - start);
          if (response?.status === 201) {
            offeredAccepted++;
            accepted.add(body);
          }
        })(),
      );
    }
    await Promise.all(inFlight);
    offeredLatencies.sort((a, b) => a - b);

    const deadline = now() + 10_000;
    while (now() < deadline && [...accepted].some((body) => !room.received.has(body))) await sleep(100);
    const stored = await storedOf(context.env.DATABASE_URL!, hostId);
    return {
      senders: senders.length,
      health,
      chat,
      offered: {
        perSecond: OFFERED_PER_SECOND,
        p50: percentile(offeredLatencies, 50),
        p99: percentile(offeredLatencies, 99),
        accepted: offeredAccepted,
        sent: total,
      },
      accepted: accepted.size,
      inHistory: [...accepted].filter((body) => stored.has(body)).length,
      delivered: [...accepted].filter((body) => room.received.has(body)).length,
    };
  } finally {
    await Promise.all([room.leave(), present.leave()]);
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const statusList = (statuses: Map<number, number>) => [...statuses].map(([status, count]) => `${count} × ${status}`).join(', ');

export default async function run(context: BenchContext): Promise<BenchResult> {
  console.log('  throughput…');
  const throughput = await measureThroughput(context);
  const results: LatencyResult[] = [];
  for (const size of ROOM_SIZES) {
    console.log(`  delivery to ${size} subscriber(s)…`);
    results.push(await measureDelivery(context, size));
  }
  const floor = results[0]!;
  const ratio = throughput.chat.perSecond / throughput.health.perSecond;

  const rows = results.map(
    (result) =>
      `| ${result.subscribers} (${result.ready} ready) | ${ms(result.p50)} | ${ms(result.p99)} | ${(result.p99 / floor.p99).toFixed(1)}× | ${ms(result.allP99)} | ${ms(result.postP50)} | ${result.deliveries} / ${result.expected} |`,
  );
  const largest = results.at(-1)!;
  const headlines = [
    {
      measure: 'Chat: messages accepted per second (every rule, stored, published)',
      figure: `${throughput.chat.perSecond.toFixed(0)} msg/s, p50 ${ms(throughput.chat.p50)}`,
      reference: `${ratio.toFixed(2)}× GET /health from the same client (${throughput.health.perSecond.toFixed(0)} req/s)`,
    },
    {
      measure: 'Chat: accepted messages in the history and delivered',
      figure: `${throughput.inHistory} and ${throughput.delivered} of ${throughput.accepted}`,
      reference: `all ${throughput.accepted} answered 201`,
    },
    {
      measure: `Chat: delivery to ${largest.subscribers} subscribers`,
      figure: `p50 ${ms(largest.p50)}, p99 ${ms(largest.p99)} (${largest.ready} ready)`,
      reference: `1 subscriber: p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`,
    },
  ];
  const section = `## Chat: throughput, POST latency, delivery and completeness

Every message goes through the whole path: the guest's pass checked (signature, in the room), every rule
(chat on, guests allowed, follow, block, ban, timeout, 5 per second, slow mode), stored in PostgreSQL and
published on the room's data channel. Senders are guests in the room, each from its own network (as a raid's
viewers are; the backend trusts its loopback proxy for \`X-Forwarded-For\`), subscribers are @livekit/rtc-node
participants in child processes of ${PARTICIPANTS_PER_WORKER}. Backend, PostgreSQL, LiveKit and every client share this 2-core
machine, so absolute figures are noise; the ratios are what to compare.

**Throughput** — ${CONCURRENCY} requests in flight for ${THROUGHPUT_SECONDS} s each, the same client for both:

| | Requests/s | p50 | p99 | Answers |
|---|---|---|---|---|
| \`GET /health\` (reference) | ${throughput.health.perSecond.toFixed(0)} | ${ms(throughput.health.p50)} | ${ms(throughput.health.p99)} | ${statusList(throughput.health.statuses)} |
| \`POST /api/chat/:hostId/messages\`, ${throughput.senders} guests in the room | ${throughput.chat.perSecond.toFixed(0)} | ${ms(throughput.chat.p50)} | ${ms(throughput.chat.p99)} | ${statusList(throughput.chat.statuses)} |
| **Chat ÷ /health** | **${ratio.toFixed(2)}×** | | | |

**At ${OFFERED_PER_SECOND} messages/s offered** (open loop, ${THROUGHPUT_SECONDS} s): POST answered p50 ${ms(throughput.offered.p50)}, p99 ${ms(throughput.offered.p99)};
${throughput.offered.accepted} of ${throughput.offered.sent} accepted.

**Completeness**: ${throughput.accepted} messages were answered 201 in these runs; ${throughput.inHistory} are in the history
and ${throughput.delivered} reached the listener in the room.

**Delivery** — ${MESSAGES_PER_SIZE} messages per room size, one every ${SEND_INTERVAL_MS} ms, from just before the POST until a subscriber's
data-channel event fires, after a warm-up message reached every subscriber ("ready"). "Everyone" is the time until
the last ready subscriber had a message. Subscribers are hidden participants (they receive data like anyone, but do
not each process hundreds of join events).

| Subscribers | p50 | p99 | p99 ÷ 1 subscriber | Everyone p99 | POST answered p50 | Deliveries |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
  return { section, headlines };
}
