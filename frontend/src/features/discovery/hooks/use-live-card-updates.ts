import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents } from '@/lib/live-events.ts';
import { REFETCH_SPREAD_MS, isCardListKey, needsRefetch, withLiveUpdate } from './live-card-updates.ts';

/**
 * Keeps every list of stream cards on the page current from the server's live events: counts and titles in
 * place (no request), and one refetch, spread over a couple of seconds, when streams go live or end or the
 * event stream reconnects (events may have been missed).
 */
export function useLiveCardUpdates(): void {
  const queryClient = useQueryClient();
  const scheduled = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const opened = useRef(false);

  const refetchSoon = () => {
    if (scheduled.current) return;
    scheduled.current = setTimeout(() => {
      scheduled.current = undefined;
      void queryClient.invalidateQueries({ predicate: (query) => isCardListKey(query.queryKey) });
    }, Math.random() * REFETCH_SPREAD_MS);
  };

  useEffect(() => () => clearTimeout(scheduled.current), []);

  useLiveEvents(
    {},
    (event) => {
      if (needsRefetch(event)) refetchSoon();
      else queryClient.setQueriesData({ predicate: (query) => isCardListKey(query.queryKey) }, (data: unknown) => withLiveUpdate(data, event));
    },
    () => {
      // The first opening follows the page's own reads; a later one means events may have been missed.
      if (opened.current) refetchSoon();
      opened.current = true;
    },
  );
}
