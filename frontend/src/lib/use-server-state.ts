import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Server data for a page or section from the one cache (TanStack Query, lib/query-client.ts), described by the
 * feature's query options (`queryOptions` in its api module, keyed by the feature's key factory). On top of
 * TanStack's `useQuery` it gives one state to switch on, `reload`, and `setData` for a change the server already
 * confirmed (or announced as a live event) without a request. Data for an old key is never shown for a new one;
 * a reload keeps the current data on screen until it lands.
 */
export function useServerState<T, Key extends QueryKey>(options: UseQueryOptions<T, Error, T, Key>) {
  const queryClient = useQueryClient();
  const query = useQuery(options);
  const { refetch } = query;
  const { queryKey } = options;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback(
    (update: (data: T) => T) =>
      queryClient.setQueryData<T>(queryKey, (current) => (current === undefined ? current : update(current))),
    [queryClient, queryKey],
  );
  const state: QueryState<T> =
    query.data !== undefined
      ? { status: 'ready', data: query.data }
      : query.status === 'error'
        ? { status: 'error', error: query.error }
        : { status: 'loading' };
  return { state, reload, setData };
}
