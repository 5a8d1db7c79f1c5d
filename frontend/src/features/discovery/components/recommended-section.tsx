import { useEffect } from 'react';
import { getRecommended, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';

export function RecommendedSection({ cardHref, liveVersion }: { cardHref: (card: StreamCard) => string; liveVersion?: number }) {
  const { state, reload } = useQuery('recommended', (signal) => getRecommended(8, signal).then((result) => result.items));
  // A stream went live, ended or changed somewhere: re-read the list (keeping it on screen meanwhile).
  useEffect(() => {
    if (liveVersion) reload();
  }, [liveVersion, reload]);
  return <StreamGrid title="Recommended" state={state} cardHref={cardHref} onRetry={reload} empty="No channels to recommend yet." />;
}
