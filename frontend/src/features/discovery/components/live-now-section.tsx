import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { type StreamCard } from '../api/discovery-api.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { StreamGrid } from './stream-grid.tsx';
import { liveStreamsQuery } from '../api/discovery-queries.ts';

const PAGE_SIZE = 12;

/** Everyone live right now, most watched first, a page at a time. */
export function LiveNowSection({
  cardHref,
  emptyAction,
}: {
  cardHref: (card: StreamCard) => string;
  emptyAction?: React.ReactNode;
}) {
  const [page, setPage] = useState(1);
  // Kept current by useLiveCardUpdates (the page subscribes once for all its lists).
  const { state, reload } = useServerState(liveStreamsQuery(page, PAGE_SIZE));
  const totalPages = state.status === 'ready' ? state.data.totalPages : 0;
  const items = state.status === 'ready' ? { status: 'ready' as const, data: state.data.items } : state;

  return (
    <StreamGrid
      title="Live now"
      state={items}
      cardHref={cardHref}
      onRetry={reload}
      empty={
        <div className="flex flex-col items-center gap-3">
          <p>Nobody is live right now.</p>
          {emptyAction}
        </div>
      }
      footer={
        totalPages > 1 && (
          <nav className="flex items-center justify-center gap-3" aria-label="Live now pages">
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((current) => current - 1)}>
              Previous
            </Button>
            <span className="text-sm text-zinc-400" aria-live="polite">
              Page {page} of {totalPages}
            </span>
            <Button variant="secondary" disabled={page >= totalPages} onClick={() => setPage((current) => current + 1)}>
              Next
            </Button>
          </nav>
        )
      }
    />
  );
}
