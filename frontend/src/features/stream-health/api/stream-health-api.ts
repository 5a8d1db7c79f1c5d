import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamHealth = Schema<'StreamHealth'>;

export const HEALTH_POLL_MS = 5_000;

export function getStreamHealth(signal?: AbortSignal): Promise<StreamHealth> {
  return unwrap(client.GET('/api/stream/health', { signal }));
}

/** The OBS ingest's health: read once, then re-read from LiveKit every 5 s while live. */
export function useStreamHealth(isLive: boolean) {
  return useQuery({
    queryKey: ['stream-health'],
    queryFn: ({ signal }) => getStreamHealth(signal),
    refetchInterval: isLive ? HEALTH_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}
