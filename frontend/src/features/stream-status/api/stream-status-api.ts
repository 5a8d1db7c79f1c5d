import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamStatus = Schema<'StreamStatus'>;
export type CreatorToken = Schema<'RoomToken'>;

/** The signed-in creator's own live state. */
export function getStreamStatus(signal?: AbortSignal): Promise<StreamStatus> {
  return unwrap(client.GET('/api/stream/status', { signal }));
}

/** A watch-only token for the creator's own room (identity Host-{userId}): the self-preview. */
export function getCreatorToken(signal?: AbortSignal): Promise<CreatorToken> {
  return unwrap(client.POST('/api/stream/creator-token', { signal }));
}
