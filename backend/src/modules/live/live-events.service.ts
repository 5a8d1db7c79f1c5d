import pg from 'pg';
import type { Prisma } from '../../generated/prisma/client.ts';
import { env } from '../../config/env.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError } from '../../http/errors.ts';
import type { LiveEvent } from '@streamhouse/contract/events';

export type LiveEventSubscriber = {
  onEvent: (event: LiveEvent) => void;
  /** The database connection dropped: events may have been missed, so the subscriber should start over. */
  onLost: () => void;
};

/** PostgreSQL's LISTEN/NOTIFY channel every backend instance listens on. */
const CHANNEL = 'live_events';

type Executor = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Tells every backend instance (and so every browser subscribed to any of them). Inside a transaction the
 * notification is delivered only if, and when, the transaction commits.
 */
export async function publishLiveEvent(event: LiveEvent, db: Executor = prisma): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}

const subscribers = new Set<LiveEventSubscriber>();
/** One dedicated connection per instance, opened when the first browser subscribes. */
let listening: Promise<pg.Client> | undefined;

function dropAllSubscribers() {
  const lost = [...subscribers];
  subscribers.clear();
  for (const subscriber of lost) subscriber.onLost();
}

function connectListener(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  const current = (async () => {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    return client;
  })();
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(message.payload) as LiveEvent;
    } catch {
      // Only this module notifies the channel; anything else is not ours to forward.
      return;
    }
    for (const subscriber of subscribers) subscriber.onEvent(event);
  });
  const onBroken = (error?: Error) => {
    if (listening !== current) return;
    logger.warn({ err: error }, 'live events: the LISTEN connection closed; subscribers reconnect');
    listening = undefined;
    dropAllSubscribers();
    void client.end().catch(() => undefined);
  };
  client.on('error', onBroken);
  client.on('end', () => onBroken());
  return current;
}

export type Admission = { admitted: true; release: () => void } | { admitted: false; reason: 'INSTANCE_FULL' | 'NETWORK_FULL' };

let openStreams = 0;
const openStreamsByNetwork = new Map<string, number>();

/**
 * A place for one more event stream on this instance, within the instance's cap and the client network's
 * (each open stream holds a socket and a buffer: a script opening thousands must not starve real pages).
 */
export function admitEventStream(network: string, limits: { maxStreams: number; maxPerNetwork: number }): Admission {
  const fromNetwork = openStreamsByNetwork.get(network) ?? 0;
  if (openStreams >= limits.maxStreams) return { admitted: false, reason: 'INSTANCE_FULL' };
  if (fromNetwork >= limits.maxPerNetwork) return { admitted: false, reason: 'NETWORK_FULL' };
  openStreams += 1;
  openStreamsByNetwork.set(network, fromNetwork + 1);
  let released = false;
  return {
    admitted: true,
    release: () => {
      if (released) return;
      released = true;
      openStreams -= 1;
      const left = (openStreamsByNetwork.get(network) ?? 1) - 1;
      if (left > 0) openStreamsByNetwork.set(network, left);
      else openStreamsByNetwork.delete(network);
    },
  };
}

/** Delivers every live event raised on any instance until the returned function is called. */
export async function subscribeLiveEvents(subscriber: LiveEventSubscriber): Promise<() => void> {
  if (!listening) {
    const attempt = connectListener();
    listening = attempt;
    attempt.catch(() => {
      if (listening === attempt) listening = undefined;
    });
  }
  try {
    await listening;
  } catch (error) {
    logger.warn({ err: error }, 'live events: cannot LISTEN; answering 503');
    throw new AppError(503, 'UNAVAILABLE', 'Live updates are unavailable right now. Retrying shortly.', { retryAfterMs: 5000 });
  }
  subscribers.add(subscriber);
  return () => {
    subscribers.delete(subscriber);
  };
}

/** On shutdown: ends every subscription (so open event streams close) and the LISTEN connection. */
export async function closeLiveEvents(): Promise<void> {
  const current = listening;
  listening = undefined;
  dropAllSubscribers();
  if (current) await (await current.catch(() => undefined))?.end();
}
