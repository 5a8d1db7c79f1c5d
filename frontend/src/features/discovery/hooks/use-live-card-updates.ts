import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents, type LiveEvent } from '@/lib/live-events.ts';
import { REFETCH_SPREAD_MS, isCardListKey, needsRefetch, withLiveUpdate } from './live-card-updates.ts';

/**
 * Keeps every list of stream cards on the page current from the server's live events: counts and titles in
 * place (no request), and one refetch, spread over a couple of seconds, when streams go live or end or the
 * event stream reconnects (events may have been missed).
 *
 * A list read can answer with a count older than an event already applied (the server caches public lists for
 * a second, and a read may be under way while the event arrives): the latest event of each stream is applied
 * again to every list the server sends, so a late answer cannot put an old count back.
 */
export function useLiveCardUpdates(): void {
  const queryClient = useQueryClient();
  const scheduled = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const opened = useRef(false);
  const latest = useRef(new Map<string, LiveEvent>());

  const refetchSoon = () => {
    if (scheduled.current) return;
    scheduled.current = setTimeout(() => {
      scheduled.current = undefined;
      void queryClient.invalidateQueries({ predicate: (query) => isCardListKey(query.queryKey) });
    }, Math.random() * REFETCH_SPREAD_MS);
  };

  useEffect(() => () => clearTimeout(scheduled.current), []);

  // Lists arriving from the server: an external store's events, hence an effect.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((cacheEvent) => {
        if (cacheEvent.type !== 'updated' || cacheEvent.action.type !== 'success' || cacheEvent.action.manual) return;
        if (!isCardListKey(cacheEvent.query.queryKey) || latest.current.size === 0) return;
        const fetched: unknown = cacheEvent.query.state.data;
        let updated = fetched;
        for (const event of latest.current.values()) updated = withLiveUpdate(updated, event);
        if (updated !== fetched) queryClient.setQueryData(cacheEvent.query.queryKey, updated);
      }),
    [queryClient],
  );

  useLiveEvents(
    {},
    (event) => {
      if (needsRefetch(event)) {
        latest.current.delete(event.hostId);
        refetchSoon();
        return;
      }
      latest.current.set(event.hostId, event);
      queryClient.setQueriesData({ predicate: (query) => isCardListKey(query.queryKey) }, (data: unknown) =>
        withLiveUpdate(data, event),
      );
    },
    () => {
      // The server starts every subscription with the current state of each stream, so older events are dropped.
      latest.current.clear();
      // The first opening follows the page's own reads; a later one means a stream may have started or ended meanwhile.
      if (opened.current) refetchSoon();
      opened.current = true;
    },
  );
}
