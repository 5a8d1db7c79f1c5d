import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

export type AppNotification = components['schemas']['Notification'];
export type NotificationList = components['schemas']['NotificationList'];
export type NotificationEvent = components['schemas']['NotificationEvent'];

/** The cache key of a user's notifications, followed by `/<user id>`. */
export const NOTIFICATIONS_KEY = 'notifications';
/** Only the signed-in user's own notifications arrive on this stream; the server knows the user from the cookie. */
export const NOTIFICATION_EVENTS_URL = '/api/live/events?notifications=only';

export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return api('/api/notifications?limit=20', { signal });
}

export function markRead(id: string): Promise<{ unreadCount: number }> {
  return api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<{ unreadCount: number }> {
  return api('/api/notifications/read-all', { method: 'POST' });
}

const mutePath = (username: string) => `/api/notifications/mutes/${encodeURIComponent(username)}`;

export function getMuted(username: string, signal?: AbortSignal): Promise<{ muted: boolean }> {
  return api(mutePath(username), { signal });
}

export function setMuted(username: string, muted: boolean): Promise<{ muted: boolean }> {
  return api(mutePath(username), { method: muted ? 'PUT' : 'DELETE' });
}
