import { logger } from '../../lib/logger.ts';
import { sharedChannel } from '../../lib/pg-listener.ts';
import { liveUpdatesUnavailable } from '../../http/errors.ts';
import type { NotificationEvent } from '@streamhouse/contract/events';
import { NOTIFICATIONS_CHANNEL, notificationsOfSession, toNotification } from './notifications.service.ts';

/**
 * Per-user delivery of notifications on this instance. The go-live fan-out raises ONE PostgreSQL notification per
 * broadcast (`{sessionId}`), not one per follower; every instance then reads, in one query, the notifications of
 * that broadcast that belong to the users connected to IT, and writes each only to that user's own connections.
 * A user's events never reach anyone else's stream, and guests cannot subscribe (the route requires a session).
 */
export type NotificationSubscriber = { onEvent: (event: NotificationEvent, json: string) => void; onLost: () => void };

const byUser = new Map<string, Set<NotificationSubscriber>>();

function dropAll(): void {
  const lost = [...byUser.values()].flatMap((set) => [...set]);
  byUser.clear();
  for (const subscriber of lost) subscriber.onLost();
}

async function receive(payload: string): Promise<void> {
  let sessionId: unknown;
  try {
    sessionId = (JSON.parse(payload) as { sessionId?: unknown }).sessionId;
  } catch {
    return;
  }
  if (typeof sessionId !== 'string' || byUser.size === 0) return;
  const rows = await notificationsOfSession(sessionId, [...byUser.keys()]);
  for (const row of rows) {
    const event: NotificationEvent = { type: 'notification', notification: toNotification(row), unreadCount: row.unreadCount };
    const json = JSON.stringify(event);
    for (const subscriber of byUser.get(row.userId) ?? []) subscriber.onEvent(event, json);
  }
}

const channel = sharedChannel(NOTIFICATIONS_CHANNEL, {
  onMessage: (payload) => {
    receive(payload).catch((error: unknown) => logger.warn({ err: error }, 'notifications: delivery failed'));
  },
  onLost: dropAll,
});

/** Delivers the signed-in user's new notifications until the returned function is called. */
export async function subscribeUserNotifications(userId: string, subscriber: NotificationSubscriber): Promise<() => void> {
  try {
    await channel.ensure();
  } catch (error) {
    logger.warn({ err: error }, 'notifications: cannot LISTEN; answering 503');
    throw liveUpdatesUnavailable();
  }
  let subscribers = byUser.get(userId);
  if (!subscribers) {
    subscribers = new Set();
    byUser.set(userId, subscribers);
  }
  subscribers.add(subscriber);
  return () => {
    const set = byUser.get(userId);
    set?.delete(subscriber);
    if (set?.size === 0) byUser.delete(userId);
  };
}
