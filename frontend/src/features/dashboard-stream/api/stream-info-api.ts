import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamInfo = Schema<'StreamInfo'>;

export function getStreamInfo(signal?: AbortSignal): Promise<StreamInfo> {
  return unwrap(client.GET('/api/stream/info', { signal }));
}

/** Only the fields given change; the server answers what is stored. */
export function saveStreamInfo(changes: Partial<StreamInfo>): Promise<StreamInfo> {
  return unwrap(client.PUT('/api/stream/info', { body: changes }));
}
