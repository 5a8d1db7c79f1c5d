import { useLiveEvents } from '@/lib/live-events.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { streamStatusQuery } from '../api/stream-status-queries.ts';

/** The creator's live state, read once and then kept current by the server's live events (no polling). */
export function useStreamStatus(hostId: string) {
  const { state, reload, setData } = useServerState(streamStatusQuery(hostId));
  useLiveEvents(
    { hostId },
    (event) => setData(() => ({ isLive: event.isLive, viewerCount: event.viewerCount, startedAt: event.startedAt })),
    reload,
  );
  return { state, reload };
}
