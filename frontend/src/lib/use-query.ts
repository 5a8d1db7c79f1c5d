import { useCallback } from 'react';
import { useQuery as useCachedQuery, useQueryClient } from '@tanstack/react-query';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Server data for a page or section, from the one cache (TanStack Query, lib/query-client.ts), keyed by `key`.
 * Data for an old key is never shown for a new one; a reload keeps the current data on screen until it lands.
 * `setData` applies a change the server already confirmed (or announced as a live event) without a request.
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const queryClient = useQueryClient();
  const query = useCachedQuery({ queryKey: [key], queryFn: ({ signal }) => load(signal) });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback(
    (update: (data: T) => T) =>
      queryClient.setQueryData<T>([key], (current) => (current === undefined ? current : update(current))),
    [queryClient, key],
  );
  const state: QueryState<T> =
    query.data !== undefined
      ? { status: 'ready', data: query.data }
      : query.status === 'error'
        ? { status: 'error', error: query.error }
        : { status: 'loading' };
  return { state, reload, setData };
}
