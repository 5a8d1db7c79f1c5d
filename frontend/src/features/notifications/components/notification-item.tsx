import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { formatAgo } from '@/lib/format-time.ts';
import type { AppNotification } from '../api/notifications-api.ts';

/** One notification: who went live, the title, how long ago, unread or not; opens the live stream. */
export function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  return (
    <Link
      to={paths.watch.to(notification.host.username)}
      onClick={onOpen}
      className="flex items-start gap-3 px-4 py-3 hover:bg-zinc-800/70 focus:bg-zinc-800/70 focus:outline-none"
    >
      <Avatar name={notification.host.name} url={notification.host.image} size="sm" />
      <span className="min-w-0 flex-1">
        <span className="block text-sm text-zinc-200">
          <span className="font-semibold text-white">{notification.host.username}</span> went live
        </span>
        {notification.title && <span className="block truncate text-sm text-zinc-400">{notification.title}</span>}
        <span className="block text-xs text-zinc-400">{formatAgo(notification.createdAt)}</span>
      </span>
      {!notification.readAt && <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-500" aria-label="Unread" />}
    </Link>
  );
}
