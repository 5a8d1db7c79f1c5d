import { searchCreators, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';
import { cardListKey } from '../hooks/live-card-updates.ts';

export function SearchResults({ query, cardHref }: { query: string; cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useQuery(cardListKey(`search:${query}`), (signal) =>
    searchCreators(query, signal).then((result) => result.items),
  );
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
