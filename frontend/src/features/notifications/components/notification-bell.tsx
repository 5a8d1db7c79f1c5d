import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { BellIcon } from '@/components/icons.tsx';
import type { AppNotification } from '../api/notifications-api.ts';
import { useNotifications } from '../hooks/use-notifications.ts';
import { NotificationItem } from './notification-item.tsx';

/**
 * Header bell for signed-in users: the unread count, and a panel listing notifications (newest first) that link to
 * the live stream (useNotifications keeps them current).
 */
export function NotificationBell({ userId }: { userId: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const { state, list, unread, error, markOneRead, readAll, alerts } = useNotifications(userId);

  // Closing on an outside click needs a document listener while the panel is open.
  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!panelRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

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

  function openOne(notification: AppNotification) {
    close(false);
    markOneRead(notification);
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
            {state.status === 'loading' && <li className="px-4 py-6 text-center text-sm text-zinc-400">Loading…</li>}
            {state.status === 'error' && (
              <li className="px-4 py-6 text-center text-sm text-red-400">Could not load your notifications.</li>
            )}
            {list && list.notifications.length === 0 && (
              <li className="px-4 py-8 text-center text-sm text-zinc-400">
                Nothing yet. Follow creators to hear when they go live.
              </li>
            )}
            {list?.notifications.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} onOpen={() => openOne(notification)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
