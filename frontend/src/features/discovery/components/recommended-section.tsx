import { getRecommended, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';
import { cardListKey } from '../hooks/live-card-updates.ts';

export function RecommendedSection({ cardHref }: { cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useQuery(cardListKey('recommended'), (signal) =>
    getRecommended(8, signal).then((result) => result.items),
  );
  return (
    <StreamGrid title="Recommended" state={state} cardHref={cardHref} onRetry={reload} empty="No channels to recommend yet." />
  );
}
