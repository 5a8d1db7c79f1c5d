import { getRecommended, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';

export function RecommendedSection({ cardHref, refreshKey }: { cardHref: (card: StreamCard) => string; refreshKey?: number }) {
  const { state, reload } = useQuery(`recommended:${refreshKey ?? 0}`, (signal) => getRecommended(8, signal).then((result) => result.items));
  return <StreamGrid title="Recommended" state={state} cardHref={cardHref} onRetry={reload} empty="No channels to recommend yet." />;
}
