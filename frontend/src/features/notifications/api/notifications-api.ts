import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type AppNotification = Schema<'Notification'>;
export type NotificationList = Schema<'NotificationList'>;

export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return unwrap(client.GET('/api/notifications', { params: { query: { limit: 20 } }, signal }));
}

export function markRead(id: string): Promise<{ unreadCount: number }> {
  return unwrap(client.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllRead(): Promise<{ unreadCount: number }> {
  return unwrap(client.POST('/api/notifications/read-all'));
}

const mute = (username: string) => ({ params: { path: { username } } });

export function getMuted(username: string, signal?: AbortSignal): Promise<{ muted: boolean }> {
  return unwrap(client.GET('/api/notifications/mutes/{username}', { ...mute(username), signal }));
}

export function setMuted(username: string, muted: boolean): Promise<{ muted: boolean }> {
  return unwrap(
    muted
      ? client.PUT('/api/notifications/mutes/{username}', mute(username))
      : client.DELETE('/api/notifications/mutes/{username}', mute(username)),
  );
}
