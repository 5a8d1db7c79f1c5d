import { type StreamCard } from '../api/discovery-api.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { StreamGrid } from './stream-grid.tsx';
import { searchQuery } from '../api/discovery-queries.ts';

export function SearchResults({ query, cardHref }: { query: string; cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useServerState(searchQuery(query));
  return (
    <StreamGrid
      title={`Results for “${query}”`}
      state={state}
      cardHref={cardHref}
      onRetry={reload}
      empty="No channels or streams match that. Try another name or title."
    />
  );
}
