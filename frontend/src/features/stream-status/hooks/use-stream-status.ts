import { useLiveEvents } from '@/lib/live-events.ts';
import { useQuery } from '@/lib/use-query.ts';
import { getStreamStatus } from '../api/stream-status-api.ts';

/** The creator's live state, read once and then kept current by the server's live events (no polling). */
export function useStreamStatus(hostId: string) {
  const { state, reload, setData } = useQuery(`stream-status:${hostId}`, getStreamStatus);
  useLiveEvents(
    { hostId },
    (event) => setData(() => ({ isLive: event.isLive, viewerCount: event.viewerCount, startedAt: event.startedAt })),
    reload,
  );
  return { state, reload };
}
