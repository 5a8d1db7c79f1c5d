import { getFollowedCreators, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';
import { cardListKey } from '../hooks/live-card-updates.ts';

/** Creators the signed-in viewer follows: live ones first, offline ones with their last title. */
export function FollowingSection({ cardHref }: { cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useQuery(cardListKey('following'), (signal) =>
    getFollowedCreators(signal).then((result) => result.items),
  );
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
