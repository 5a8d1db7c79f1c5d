import type { Prisma } from '../../generated/prisma/client.ts';
import { logger } from '../../lib/logger.ts';
import { prisma } from '../../lib/prisma.ts';
import { closeListener, sharedChannel } from '../../lib/pg-listener.ts';
import { liveUpdatesUnavailable } from '../../http/errors.ts';
import { metrics } from '../../lib/metrics.ts';
import { Counter, Gauge } from 'prom-client';
import type { LiveEvent } from '@streamhouse/contract/events';

export type LiveEventSubscriber = {
  /** `json` is the event serialised once for every subscriber (thousands of open pages share it). */
  onEvent: (event: LiveEvent, json: string) => void;
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
/** This instance's subscription to the channel, made when the first browser subscribes. */

function dropAllSubscribers() {
  const lost = [...subscribers];
  subscribers.clear();
  for (const subscriber of lost) subscriber.onLost();
}

/**
 * A viewer count moves with every join and leave: during a raid that is hundreds of events a second per stream,
 * each written to every open page. An event that only changes a stream's viewer count is held and sent at most
 * once a second per stream (the latest count wins); anything else about a stream goes at once, and carries the
 * current count itself.
 */
const COUNT_INTERVAL_MS = 1000;
/** The state of each live stream as last sent (the latest count included); a stream that ends leaves it. */
const lastSent = new Map<string, LiveEvent>();
const heldCounts = new Map<string, { event: LiveEvent; timer: NodeJS.Timeout }>();
const countSentAt = new Map<string, number>();

function deliver(event: LiveEvent): void {
  // Every event carries the count: the next count-only change waits a second from this one.
  countSentAt.set(event.hostId, Date.now());
  lastSent.set(event.hostId, event);
  if (event.type === 'stream.offline') {
    lastSent.delete(event.hostId);
    countSentAt.delete(event.hostId);
  }
  const json = JSON.stringify(event);
  for (const subscriber of subscribers) subscriber.onEvent(event, json);
}

/**
 * What a page that subscribes now has to catch up on: the current state of each live stream (or of `hostId`'s),
 * as sent so far, each as a `stream.updated` event. An event sent between the page's own read and its
 * subscription would otherwise be missed until the next change (a count could stay wrong for the whole stream).
 */
export function currentStateEvents(hostId?: string): LiveEvent[] {
  const events = hostId ? [lastSent.get(hostId)].filter((event) => event !== undefined) : [...lastSent.values()];
  return events.map((event) => ({ ...event, type: 'stream.updated' }));
}

function onlyCountChanged(event: LiveEvent): boolean {
  const previous = lastSent.get(event.hostId);
  return (
    event.type === 'stream.updated' &&
    previous !== undefined &&
    previous.isLive === event.isLive &&
    previous.title === event.title &&
    previous.startedAt === event.startedAt &&
    previous.username === event.username
  );
}

function receive(payload: string): void {
  let event: LiveEvent;
  try {
    event = JSON.parse(payload) as LiveEvent;
  } catch {
    // Only this module notifies the channel; anything else is not ours to forward.
    return;
  }
  const held = heldCounts.get(event.hostId);
  if (!onlyCountChanged(event)) {
    if (held) clearTimeout(held.timer);
    heldCounts.delete(event.hostId);
    deliver(event);
    return;
  }
  if (held) {
    held.event = event;
    return;
  }
  const sinceLast = Date.now() - (countSentAt.get(event.hostId) ?? 0);
  if (sinceLast >= COUNT_INTERVAL_MS) {
    deliver(event);
    return;
  }
  const timer = setTimeout(() => {
    const latest = heldCounts.get(event.hostId);
    heldCounts.delete(event.hostId);
    if (!latest) return;
    deliver(latest.event);
  }, COUNT_INTERVAL_MS - sinceLast);
  heldCounts.set(event.hostId, { event, timer });
}

const channel = sharedChannel(CHANNEL, { onMessage: receive, onLost: dropAllSubscribers });
export type Admission = { admitted: true; release: () => void } | { admitted: false; reason: 'INSTANCE_FULL' | 'NETWORK_FULL' };

let openStreams = 0;
const openStreamsByNetwork = new Map<string, number>();

new Gauge({
  name: 'streamhouse_event_streams_open',
  help: 'Live-event streams (SSE) this instance holds open',
  registers: [metrics],
  collect() {
    this.set(openStreams);
  },
});
const refusedStreams = new Counter({
  name: 'streamhouse_event_streams_refused_total',
  help: 'Live-event streams refused (503), by which cap was full',
  labelNames: ['reason'] as const,
  registers: [metrics],
});

/**
 * A place for one more event stream on this instance, within the instance's cap and the client network's
 * (each open stream holds a socket and a buffer: a script opening thousands must not starve real pages).
 */
export function admitEventStream(network: string, limits: { maxStreams: number; maxPerNetwork: number }): Admission {
  const fromNetwork = openStreamsByNetwork.get(network) ?? 0;
  if (openStreams >= limits.maxStreams) {
    refusedStreams.inc({ reason: 'INSTANCE_FULL' });
    return { admitted: false, reason: 'INSTANCE_FULL' };
  }
  if (fromNetwork >= limits.maxPerNetwork) {
    refusedStreams.inc({ reason: 'NETWORK_FULL' });
    return { admitted: false, reason: 'NETWORK_FULL' };
  }
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
  try {
    await channel.ensure();
  } catch (error) {
    logger.warn({ err: error }, 'live events: cannot LISTEN; answering 503');
    throw liveUpdatesUnavailable();
  }
  subscribers.add(subscriber);
  return () => {
    subscribers.delete(subscriber);
  };
}

/** On shutdown: ends every subscription (so open event streams close) and the LISTEN connection. */
export async function closeLiveEvents(): Promise<void> {
  channel.forget();
  dropAllSubscribers();
  for (const held of heldCounts.values()) clearTimeout(held.timer);
  heldCounts.clear();
  await closeListener();
}
