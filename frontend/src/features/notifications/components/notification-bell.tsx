import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { BellIcon } from '@/components/icons.tsx';
import { useQuery } from '@/lib/use-query.ts';
import { useServerEvents } from '@/lib/live-events.ts';
import { ApiError } from '@/lib/api-client.ts';
import {
  NOTIFICATIONS_KEY,
  NOTIFICATION_EVENTS_URL,
  listNotifications,
  markAllRead,
  markRead,
  type AppNotification,
  type NotificationEvent,
  type NotificationList,
} from '../api/notifications-api.ts';
import { useDesktopAlerts } from '../hooks/use-desktop-alerts.ts';

const timeAgo = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
function ago(iso: string): string {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  if (seconds > -60) return 'just now';
  if (seconds > -3600) return timeAgo.format(Math.round(seconds / 60), 'minute');
  if (seconds > -86_400) return timeAgo.format(Math.round(seconds / 3600), 'hour');
  return timeAgo.format(Math.round(seconds / 86_400), 'day');
}

/**
 * Header bell for signed-in users: the unread count, and a panel listing notifications (newest first) that link to
 * the live stream. New ones arrive on the user's own event stream; a desktop alert pops when the tab is hidden.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const cacheKey = `${NOTIFICATIONS_KEY}/${userId}`;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { state, reload, setData } = useQuery(cacheKey, listNotifications);
  const alerts = useDesktopAlerts();

  useServerEvents<NotificationEvent>(
    NOTIFICATION_EVENTS_URL,
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
      if (queryClient.getQueryData([cacheKey]) !== undefined) reload();
    },
  );

  // Closing on an outside click needs a document listener while the panel is open.
  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!panelRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const list: NotificationList | undefined = state.status === 'ready' ? state.data : undefined;
  const unread = list?.unreadCount ?? 0;

  function close(returnFocus = true) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  async function run(change: () => Promise<{ unreadCount: number }>, apply: (list: NotificationList) => NotificationList) {
    setError(undefined);
    try {
      const { unreadCount } = await change();
      setData((current) => ({ ...apply(current), unreadCount }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    }
  }

  function openOne(notification: AppNotification) {
    close(false);
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

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        className="relative flex size-9 items-center justify-center rounded-lg text-zinc-300 hover:bg-zinc-800 hover:text-white focus-visible:outline-2 focus-visible:outline-accent-500"
      >
        <BellIcon />
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="absolute -top-0.5 -right-0.5 flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] leading-none font-bold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          onKeyDown={handleKeyDown}
          className="fixed inset-x-2 top-14 z-50 flex max-h-[70dvh] flex-col overflow-hidden rounded-xl border border-zinc-800 bg-zinc-900 shadow-2xl sm:absolute sm:inset-x-auto sm:top-11 sm:right-0 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-zinc-800 px-4 py-3">
            <h2 className="text-sm font-semibold text-zinc-100">Notifications</h2>
            <button
              type="button"
              onClick={readAll}
              disabled={unread === 0}
              className="rounded-md px-2 py-1 text-xs font-semibold text-accent-400 hover:bg-zinc-800 disabled:cursor-default disabled:text-zinc-600 disabled:hover:bg-transparent"
            >
              Mark all read
            </button>
          </div>
          {alerts.permission === 'default' && (
            <div className="flex items-center justify-between gap-3 border-b border-zinc-800 bg-zinc-900/60 px-4 py-2.5 text-xs text-zinc-400">
              <span>Get a desktop alert when this tab is in the background.</span>
              <button
                type="button"
                onClick={() => void alerts.request()}
                className="shrink-0 rounded-md bg-zinc-800 px-2 py-1 font-semibold text-zinc-100 hover:bg-zinc-700"
              >
                Enable
              </button>
            </div>
          )}
          {error && (
            <p role="alert" className="px-4 py-2 text-sm text-red-400">
              {error}
            </p>
          )}
          <ul className="flex-1 overflow-y-auto" aria-label="Newest first">
            {state.status === 'loading' && <li className="px-4 py-6 text-center text-sm text-zinc-500">Loading…</li>}
            {state.status === 'error' && (
              <li className="px-4 py-6 text-center text-sm text-red-400">Could not load your notifications.</li>
            )}
            {list && list.notifications.length === 0 && (
              <li className="px-4 py-8 text-center text-sm text-zinc-500">
                Nothing yet. Follow creators to hear when they go live.
              </li>
            )}
            {list?.notifications.map((notification) => (
              <li key={notification.id}>
                <Link
                  to={paths.watch.to(notification.host.username)}
                  onClick={() => openOne(notification)}
                  className="flex items-start gap-3 px-4 py-3 hover:bg-zinc-800/70 focus:bg-zinc-800/70 focus:outline-none"
                >
                  <Avatar name={notification.host.name} url={notification.host.image} size="sm" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm text-zinc-200">
                      <span className="font-semibold text-white">{notification.host.username}</span> went live
                    </span>
                    {notification.title && <span className="block truncate text-sm text-zinc-400">{notification.title}</span>}
                    <span className="block text-xs text-zinc-500">{ago(notification.createdAt)}</span>
                  </span>
                  {!notification.readAt && (
                    <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-500" aria-label="Unread" />
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
