import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { paths } from '@/config/paths.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { useServerEvents } from '@/lib/live-events.ts';
import { ApiError } from '@/lib/api-client.ts';
import { markAllRead, markRead, type AppNotification, type NotificationList } from '../api/notifications-api.ts';
import { useDesktopAlerts } from './use-desktop-alerts.ts';
import { notificationKeys, notificationsQuery } from '../api/notification-queries.ts';

/**
 * The signed-in user's notifications from the one cache, kept current by the event stream (a desktop alert
 * pops when the tab is hidden), with marking one or all read.
 */
export function useNotifications(userId: string) {
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { state, reload, setData } = useServerState(notificationsQuery(userId));
  const alerts = useDesktopAlerts();

  // The browser's one event stream carries them to the signed-in user's tabs only (the server reads the cookie).
  useServerEvents(
    true,
    (event) => {
      if (event.type !== 'notification') return;
      const { notification, unreadCount } = event;
      setData((list) => ({
        ...list,
        unreadCount,
        notifications: [notification, ...list.notifications.filter((known) => known.id !== notification.id)],
      }));
      alerts.show(`${notification.host.username} is live`, notification.title || 'Streaming now', () =>
        navigate(paths.watch.to(notification.host.username)),
      );
    },
    // Opened or reopened: anything sent while disconnected was missed, so read the list again.
    () => {
      if (queryClient.getQueryData(notificationKeys.list(userId)) !== undefined) reload();
    },
  );

  const list: NotificationList | undefined = state.status === 'ready' ? state.data : undefined;

  async function run(change: () => Promise<{ unreadCount: number }>, apply: (list: NotificationList) => NotificationList) {
    setError(undefined);
    try {
      const { unreadCount } = await change();
      setData((current) => ({ ...apply(current), unreadCount }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    }
  }

  function markOneRead(notification: AppNotification) {
    if (notification.readAt) return;
    const now = new Date().toISOString();
    void run(
      () => markRead(notification.id),
      (current) => ({
        ...current,
        notifications: current.notifications.map((n) => (n.id === notification.id ? { ...n, readAt: now } : n)),
      }),
    );
  }

  function readAll() {
    const now = new Date().toISOString();
    void run(markAllRead, (current) => ({
      ...current,
      notifications: current.notifications.map((n) => ({ ...n, readAt: n.readAt ?? now })),
    }));
  }

  return { state, list, unread: list?.unreadCount ?? 0, error, markOneRead, readAll, alerts };
}
