import { queryOptions } from '@tanstack/react-query';
import { getDestinations } from './restream-api.ts';

export const restreamKeys = { destinations: () => ['restream', 'destinations'] as const };

/**
 * While the creator is live, or a restream still starts or runs, its state changes (starting → live, failed,
 * idle once the broadcast ended): the list looks again.
 */
const RUNNING_REFRESH_MS = 5_000;

export const destinationsQuery = (live: boolean) =>
  queryOptions({
    queryKey: restreamKeys.destinations(),
    queryFn: ({ signal }) => getDestinations(signal),
    refetchInterval: (query) =>
      live || query.state.data?.items.some((item) => item.status === 'STARTING' || item.status === 'LIVE')
        ? RUNNING_REFRESH_MS
        : false,
  });
