import { client, unwrap, type Schema } from '@/lib/api-client.ts';
import type { paths } from '@/lib/api-schema.ts';

export type IngressType = Schema<'IngressType'>;
export type StreamCredentials = Schema<'StreamCredentials'>;
export type StreamKey = Schema<'StreamKey'>;
export type NewKeyRequest = paths['/api/stream/ingress']['post']['requestBody']['content']['application/json'];
export type RtmpQuality = NonNullable<Extract<NewKeyRequest, { type: 'RTMP' }>['quality']>;

/** The signed-in creator's own key; all null before one exists. */
export function getStreamCredentials(signal?: AbortSignal): Promise<StreamCredentials> {
  return unwrap(client.GET('/api/stream/credentials', { signal }));
}

/** Creates a key; any previous key stops working. */
export function createStreamKey(request: NewKeyRequest): Promise<StreamKey> {
  return unwrap(client.POST('/api/stream/ingress', { body: request }));
}

/** Deletes the key: it stops working at once. */
export async function resetStreamKey(): Promise<void> {
  await unwrap(client.DELETE('/api/stream/ingress'));
}
