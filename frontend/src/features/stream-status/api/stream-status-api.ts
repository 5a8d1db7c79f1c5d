import { api } from '@/lib/api-client.ts';

export type StreamStatus = { isLive: boolean; viewerCount: number; startedAt: string | null };
export type CreatorToken = { token: string; identity: string; name: string; wsUrl: string };

/** The signed-in creator's own live state. */
export function getStreamStatus(signal?: AbortSignal): Promise<StreamStatus> {
  return api<StreamStatus>('/api/stream/status', { signal });
}

/** A watch-only token for the creator's own room (identity Host-{userId}): the self-preview. */
export function getCreatorToken(signal?: AbortSignal): Promise<CreatorToken> {
  return api<CreatorToken>('/api/stream/creator-token', { body: {}, signal });
}
