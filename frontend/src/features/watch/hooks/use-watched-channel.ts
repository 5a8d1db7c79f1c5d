import { useLiveEvents } from '@/lib/live-events.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { publicStreamQuery } from '../api/watch-queries.ts';

/** A channel as its watch page or embed shows it, read once and kept current by the live events (title, live, count). */
export function useWatchedChannel(username: string) {
  const channel = useServerState(publicStreamQuery(username));
  const { state, reload, setData } = channel;
  useLiveEvents(
    state.status === 'ready' ? { hostId: state.data.hostId } : null,
    ({ isLive, viewerCount, startedAt, title }) => setData((current) => ({ ...current, isLive, viewerCount, startedAt, title })),
    reload,
  );
  return channel;
}
