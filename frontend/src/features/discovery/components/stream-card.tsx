import { useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/avatar.tsx';
import { EyeIcon } from '@/components/icons.tsx';
import type { StreamCard as StreamCardData } from '../api/discovery-api.ts';

/** A channel in a list: thumbnail (or a placeholder), live badge with viewers, title and creator. */
export function StreamCard({ card, href }: { card: StreamCardData; href: string }) {
  // The first live picture may not exist yet: fall back to the creator's own thumbnail.
  const [liveFailed, setLiveFailed] = useState(false);
  const live = liveFailed ? null : card.liveThumbnailUrl;
  const picture = live ?? card.thumbnailUrl;
  return (
    <Link to={href} className="group flex flex-col gap-2 rounded-xl focus-visible:outline-offset-4" data-testid="stream-card">
      <div className="relative aspect-video overflow-hidden rounded-xl bg-zinc-900 ring-1 ring-zinc-800 transition group-hover:ring-accent-500">
        {picture ? (
          <img
            src={picture}
            alt=""
            loading="lazy"
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
            data-testid={live ? 'live-thumbnail' : undefined}
            onError={live ? () => setLiveFailed(true) : undefined}
          />
        ) : (
          <div className="flex h-full w-full items-center justify-center bg-gradient-to-br from-zinc-800 via-zinc-900 to-accent-600/30">
            <Avatar url={card.avatarUrl} name={card.username} size="lg" />
          </div>
        )}
        {card.isLive ? (
          <>
            <span className="absolute left-2 top-2 rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
              Live
            </span>
            <span
              className="absolute bottom-2 left-2 inline-flex items-center gap-1 rounded bg-black/75 px-1.5 py-0.5 text-xs font-semibold text-white"
              data-testid="card-viewers"
            >
              <EyeIcon className="size-3.5" /> {card.viewerCount} {card.viewerCount === 1 ? 'viewer' : 'viewers'}
            </span>
          </>
        ) : (
          <span className="absolute left-2 top-2 rounded bg-black/70 px-1.5 py-0.5 text-xs font-semibold uppercase text-zinc-300">
            Offline
          </span>
        )}
      </div>
      <div className="flex gap-2.5">
        <Avatar url={card.avatarUrl} name={card.username} size="sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-zinc-100 group-hover:text-accent-400">
            {card.title || `${card.username}'s stream`}
          </p>
          <p className="truncate text-xs text-zinc-400">{card.username}</p>
          {card.category && (
            <p className="mt-1 truncate text-xs text-zinc-400">
              <span className="rounded bg-zinc-800 px-1.5 py-0.5 font-medium text-zinc-300" data-testid="card-category">
                {card.category.name}
              </span>
              {card.tags.length > 0 && (
                <span className="ml-1.5 text-zinc-400">
                  {card.tags
                    .slice(0, 3)
                    .map((tag) => `#${tag}`)
                    .join(' ')}
                </span>
              )}
            </p>
          )}
        </div>
      </div>
    </Link>
  );
}
