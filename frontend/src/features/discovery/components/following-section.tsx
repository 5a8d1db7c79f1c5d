import { useEffect } from 'react';
import { getFollowedCreators, type StreamCard } from '../api/discovery-api.ts';
import { useQuery } from '@/lib/use-query.ts';
import { StreamGrid } from './stream-grid.tsx';

/** Creators the signed-in viewer follows: live ones first, offline ones with their last title. */
export function FollowingSection({ cardHref, liveVersion }: { cardHref: (card: StreamCard) => string; liveVersion?: number }) {
  const { state, reload } = useQuery('following', (signal) => getFollowedCreators(signal).then((result) => result.items));
  // A stream went live, ended or changed somewhere: re-read the list (keeping it on screen meanwhile).
  useEffect(() => {
    if (liveVersion) reload();
  }, [liveVersion, reload]);
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
