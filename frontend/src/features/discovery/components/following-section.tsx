import { getFollowedCreators, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';

/** Creators the signed-in viewer follows: live ones first, offline ones with their last title. */
export function FollowingSection({ cardHref, refreshKey }: { cardHref: (card: StreamCard) => string; refreshKey?: number }) {
  const { state, reload } = useQuery(`following:${refreshKey ?? 0}`, (signal) => getFollowedCreators(signal).then((result) => result.items));
  return (
    <StreamGrid
      title="Following"
      state={state}
      cardHref={cardHref}
      onRetry={reload}
      empty="You don't follow anyone yet. Follow creators to see them here when they go live."
    />
  );
}
