import { type StreamCard } from '../api/discovery-api.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { StreamGrid } from './stream-grid.tsx';
import { recommendedQuery } from '../api/discovery-queries.ts';

export function RecommendedSection({ cardHref }: { cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useServerState(recommendedQuery(8));
  return (
    <StreamGrid title="Recommended" state={state} cardHref={cardHref} onRetry={reload} empty="No channels to recommend yet." />
  );
}
