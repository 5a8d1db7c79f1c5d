import { type StreamCard } from '../api/discovery-api.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { StreamGrid } from './stream-grid.tsx';
import { followedCreatorsQuery } from '../api/discovery-queries.ts';

/** Creators the signed-in viewer follows: live ones first, offline ones with their last title. */
export function FollowingSection({ cardHref }: { cardHref: (card: StreamCard) => string }) {
  const { state, reload } = useServerState(followedCreatorsQuery());
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
