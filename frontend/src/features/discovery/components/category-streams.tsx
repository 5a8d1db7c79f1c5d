import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState, type QueryState } from '@/lib/use-server-state.ts';
import { type StreamCard } from '../api/discovery-api.ts';
import { CategoryCover } from './category-grid.tsx';
import { StreamGrid } from './stream-grid.tsx';
import { categoryStreamsQuery } from '../api/discovery-queries.ts';

/** One category's live channels, most watched first. */
export function CategoryStreams({ slug, cardHref }: { slug: string; cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useServerState(categoryStreamsQuery(slug));
  if (state.status === 'error' && state.error instanceof ApiError && state.error.status === 404)
    return <StatusPanel title="No such category">Pick one from Browse.</StatusPanel>;
  const cards: QueryState<StreamCard[]> = state.status === 'ready' ? { status: 'ready', data: state.data.items } : state;
  const category = state.status === 'ready' ? state.data.category : undefined;
  return (
    <div className="flex flex-col gap-6">
      {category && (
        <div className="flex items-center gap-4">
          <CategoryCover category={category} className="aspect-[4/3] w-28 shrink-0 sm:w-36" />
          <div>
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{category.name}</h1>
            <p className="text-sm text-zinc-400">
              {category.liveCount === 1 ? '1 live channel' : `${category.liveCount} live channels`} ·{' '}
              {category.viewerCount === 1 ? '1 viewer' : `${category.viewerCount} viewers`}
            </p>
          </div>
        </div>
      )}
      <StreamGrid
        title="Live now"
        state={cards}
        cardHref={cardHref}
        onRetry={reload}
        empty={<p className="text-sm text-zinc-400">Nobody is live in this category right now.</p>}
      />
    </div>
  );
}
