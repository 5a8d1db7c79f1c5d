import { EyeIcon } from '@/components/icons.tsx';
import type { QueryState } from '@/lib/use-server-state.ts';
import type { StreamStatus } from '../api/stream-status-api.ts';
import { formatClock } from '@/lib/format-time.ts';
import { useElapsed } from '@/lib/use-clock.ts';

const plural = (count: number) => `${count} ${count === 1 ? 'viewer' : 'viewers'}`;

/** "LIVE · 3 viewers · 12:04" or "Offline"; changes of state and count are announced, the ticking clock is not. */
export function LiveStatus({ state }: { state: QueryState<StreamStatus> }) {
  const status = state.status === 'ready' ? state.data : undefined;
  const elapsedMs = useElapsed(status?.isLive ? status.startedAt : null);
  const elapsed = elapsedMs === undefined ? undefined : formatClock(elapsedMs);
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="dashboard-live-status" data-live={status?.isLive ?? false}>
      <div role="status" aria-live="polite" className="flex items-center gap-2">
        {state.status === 'loading' && (
          <span className="h-7 w-24 animate-pulse rounded-full bg-zinc-800" aria-label="Loading stream status" />
        )}
        {state.status === 'error' && <span className="text-zinc-400">Status unavailable</span>}
        {status?.isLive && (
          <>
            <span className="inline-flex items-center gap-1.5 rounded-full bg-red-600 px-2.5 py-1 text-xs font-bold tracking-wide text-white uppercase">
              <span className="size-1.5 animate-pulse rounded-full bg-white" aria-hidden="true" />
              Live
            </span>
            <span
              className="inline-flex items-center gap-1 whitespace-nowrap text-zinc-200 tabular-nums"
              data-testid="dashboard-viewer-count"
            >
              <EyeIcon className="size-4 text-zinc-400" />
              {plural(status.viewerCount)}
            </span>
          </>
        )}
        {status && !status.isLive && (
          <span className="inline-flex items-center gap-1.5 rounded-full border border-zinc-700 px-2.5 py-1 text-xs font-semibold tracking-wide text-zinc-300 uppercase">
            <span className="size-1.5 rounded-full bg-zinc-500" aria-hidden="true" />
            Offline
          </span>
        )}
      </div>
      {elapsed && (
        <span className="text-zinc-400 tabular-nums" title="Time live">
          <span className="sr-only">Live for </span>
          {elapsed}
        </span>
      )}
    </div>
  );
}
