import type { ReactNode } from 'react';
import { Avatar } from '@/components/avatar.tsx';
import { ClockIcon, EyeIcon } from '@/components/icons.tsx';
import type { PublicStream } from '../api/get-public-stream.ts';
import { formatClock } from '@/lib/format-time.ts';
import { useElapsed } from '@/lib/use-clock.ts';
import { useViewerCount } from '../hooks/use-viewer-count.ts';

/** Under the player: who is streaming, what, for how long and to how many; plus the page's actions. */
export function StreamInfoBar({ stream, isLive, actions }: { stream: PublicStream; isLive: boolean; actions?: ReactNode }) {
  const viewers = useViewerCount();
  const uptimeMs = useElapsed(isLive ? stream.startedAt : null);
  const uptime = uptimeMs === undefined ? undefined : formatClock(uptimeMs);
  return (
    <div className="flex flex-col gap-3 px-4 sm:flex-row sm:items-start sm:px-0">
      <div className="flex min-w-0 flex-1 gap-3">
        <Avatar url={stream.avatarUrl} name={stream.username} />
        <div className="min-w-0">
          <h1 className="truncate text-lg font-bold leading-tight" data-testid="stream-title">
            {stream.title || `${stream.username}'s stream`}
          </h1>
          <p className="text-sm text-zinc-400">{stream.username}</p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-400">
            {isLive ? (
              <>
                <span
                  className="rounded bg-red-600 px-1.5 py-0.5 font-bold uppercase tracking-wide text-white"
                  data-testid="live-badge"
                >
                  Live
                </span>
                <span className="inline-flex items-center gap-1" data-testid="viewer-count">
                  <EyeIcon className="size-4" /> {viewers} watching
                </span>
                {uptime && (
                  <span className="inline-flex items-center gap-1">
                    <ClockIcon className="size-4" />
                    <span className="sr-only">Live for</span> {uptime}
                  </span>
                )}
              </>
            ) : (
              <span className="rounded bg-zinc-800 px-1.5 py-0.5 font-semibold uppercase tracking-wide">Offline</span>
            )}
            <span>
              {stream.followerCount} {stream.followerCount === 1 ? 'follower' : 'followers'}
            </span>
          </div>
        </div>
      </div>
      {actions && <div className="flex shrink-0 gap-2">{actions}</div>}
    </div>
  );
}
