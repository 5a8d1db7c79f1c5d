import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { env } from '../config/env.ts';
import { logger } from './logger.ts';

/**
 * PostgreSQL LISTEN/NOTIFY, the one message bus every backend instance shares: one dedicated connection per
 * instance LISTENs on every channel something on this instance subscribed to. A notification raised inside a
 * transaction is delivered only if, and when, that transaction commits.
 *
 * When the connection drops, notifications may have been missed: every subscriber's `onLost` runs (caches drop
 * what they hold, event streams close so browsers resynchronise) and they subscribe again when next needed.
 */
export type ChannelSubscriber = { onMessage: (payload: string) => void; onLost: () => void };

const subscribers = new Map<string, Set<ChannelSubscriber>>();
let connection: Promise<pg.Client> | undefined;

function connect(): Promise<pg.Client> {
  // LISTEN needs a session of its own: a transaction pooler (PgBouncer's default mode) delivers nothing to it.
  const client = new pg.Client({
    connectionString: env.DATABASE_LISTEN_URL ?? env.DATABASE_URL,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  const current = (async () => {
    await client.connect();
    return client;
  })();
  client.on('notification', (message) => {
    for (const subscriber of subscribers.get(message.channel) ?? []) subscriber.onMessage(message.payload ?? '');
  });
  const onBroken = (error?: Error) => {
    if (connection !== current) return;
    logger.warn({ err: error }, 'pg listener: the LISTEN connection closed; subscribers start over');
    connection = undefined;
    dropAll();
    void client.end().catch(() => undefined);
  };
  client.on('error', onBroken);
  client.on('end', () => onBroken());
  return current;
}

function dropAll(): void {
  const lost = [...subscribers.values()].flatMap((set) => [...set]);
  subscribers.clear();
  for (const subscriber of lost) subscriber.onLost();
}

/**
 * One LISTEN on `channel` shared by everything on this instance that needs it: opened on first use and again
 * after the connection was lost (the subscriber's `onLost` runs first). `ensure` resolves once LISTEN is in place
 * and rejects when PostgreSQL cannot LISTEN; `forget` makes the next `ensure` listen anew (on shutdown).
 */
export function sharedChannel(channel: string, subscriber: ChannelSubscriber) {
  let listening: Promise<unknown> | undefined;
  return {
    ensure(): Promise<unknown> {
      listening ??= listen(channel, {
        onMessage: subscriber.onMessage,
        onLost: () => {
          listening = undefined;
          subscriber.onLost();
        },
      }).catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      return listening;
    },
    forget(): void {
      listening = undefined;
    },
  };
}

const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

/** Delivers every notification on `channel` raised by any instance until the returned function is called. */
export async function listen(channel: string, subscriber: ChannelSubscriber): Promise<() => void> {
  if (!connection) {
    const attempt = connect();
    connection = attempt;
    attempt.catch(() => {
      if (connection === attempt) connection = undefined;
    });
  }
  const client = await connection;
  let listeners = subscribers.get(channel);
  if (!listeners) {
    listeners = new Set();
    subscribers.set(channel, listeners);
    await client.query(`LISTEN ${quoted(channel)}`);
  }
  listeners.add(subscriber);
  return () => {
    subscribers.get(channel)?.delete(subscriber);
  };
}

type Executor = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

/** Raises a notification; inside a transaction (pass its client) it is delivered when the transaction commits. */
export async function notify(db: Executor, channel: string, payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

const PROBE_CHANNEL = 'streamhouse_probe';

/**
 * Proves the bus works end to end: a notification raised through `db` (the pool every statement uses) reaches this
 * instance's LISTEN connection. Rejects when it does not arrive (behind a transaction pooler it never does).
 */
export async function checkDelivery(db: Executor, timeoutMs: number): Promise<void> {
  const payload = randomUUID();
  let delivered!: () => void;
  const arrived = new Promise<void>((resolve) => (delivered = resolve));
  const stop = await listen(PROBE_CHANNEL, { onMessage: (message) => message === payload && delivered(), onLost: () => {} });
  let timer: NodeJS.Timeout | undefined;
  try {
    await notify(db, PROBE_CHANNEL, payload);
    await Promise.race([
      arrived,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`a notification did not arrive within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    stop();
  }
}

/** On shutdown: every subscriber is told, and the connection closes. */
export async function closeListener(): Promise<void> {
  const current = connection;
  connection = undefined;
  dropAll();
  if (current) await (await current.catch(() => undefined))?.end();
}
