import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import type { Replay } from '../api/replays-api.ts';
import { formatClock } from '@/lib/format-time.ts';
import { formatRecordedAt } from '../format.ts';

/** A replay in a list: its picture with the length, title and date. */
export function ReplayCard({ replay }: { replay: Replay }) {
  return (
    <Link
      to={paths.replay.to(replay.username, replay.id)}
      className="group flex flex-col gap-2 rounded-xl focus-visible:outline-offset-4"
      data-testid="replay-card"
    >
      <div className="relative aspect-video overflow-hidden rounded-xl bg-zinc-900 ring-1 ring-zinc-800 transition group-hover:ring-accent-500">
        {replay.thumbnailUrl ? (
          <img
            src={replay.thumbnailUrl}
            alt=""
            loading="lazy"
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
          />
        ) : (
          <div className="h-full w-full bg-gradient-to-br from-zinc-800 via-zinc-900 to-accent-600/30" />
        )}
        <span className="absolute right-2 bottom-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums">
          {formatClock(replay.durationMs)}
        </span>
      </div>
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold text-zinc-100 group-hover:text-accent-400">
          {replay.title || 'Untitled stream'}
        </p>
        <p className="truncate text-xs text-zinc-400">{formatRecordedAt(replay.recordedAt)}</p>
      </div>
    </Link>
  );
}
