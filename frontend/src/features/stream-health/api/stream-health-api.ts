import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

export type StreamHealth = components['schemas']['StreamHealth'];

export const HEALTH_POLL_MS = 5_000;

export function getStreamHealth(signal?: AbortSignal): Promise<StreamHealth> {
  return api<StreamHealth>('/api/stream/health', { signal });
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
