import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamHealth = Schema<'StreamHealth'>;

export const HEALTH_POLL_MS = 5_000;

/** The stream-health feature's cache keys, from one factory. */
export const streamHealthKeys = { mine: () => ['stream-health', 'mine'] as const };

export function getStreamHealth(signal?: AbortSignal): Promise<StreamHealth> {
  return unwrap(client.GET('/api/stream/health', { signal }));
}

/** The OBS ingest's health: read once, then re-read from LiveKit every 5 s while live. */
export function useStreamHealth(isLive: boolean) {
  return useQuery({
    queryKey: streamHealthKeys.mine(),
    queryFn: ({ signal }) => getStreamHealth(signal),
    refetchInterval: isLive ? HEALTH_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}
