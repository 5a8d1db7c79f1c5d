import { api } from '@/lib/api-client.ts';

export type IngressType = 'RTMP' | 'WHIP';
export type RtmpQuality = '540p' | '720p' | '1080p';
export type StreamCredentials = { serverUrl: string | null; streamKey: string | null; type: IngressType | null };
export type StreamKey = { ingressId: string; serverUrl: string; streamKey: string; type: IngressType };
export type NewKeyRequest = { type: 'RTMP'; quality: RtmpQuality } | { type: 'WHIP' };

/** The signed-in creator's own key; all null before one exists. */
export function getStreamCredentials(signal?: AbortSignal): Promise<StreamCredentials> {
  return api<StreamCredentials>('/api/stream/credentials', { signal });
}

/** Creates a key; any previous key stops working. */
export function createStreamKey(request: NewKeyRequest): Promise<StreamKey> {
  return api<StreamKey>('/api/stream/ingress', { body: request });
}

/** Deletes the key: it stops working at once. */
export async function resetStreamKey(): Promise<void> {
  await api<unknown>('/api/stream/ingress', { method: 'DELETE' });
}
