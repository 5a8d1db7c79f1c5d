import { client, unwrap, type Schema } from '@/lib/api-client.ts';
import type { paths } from '@/lib/api-schema.ts';

export type StreamInfo = Schema<'StreamInfo'>;

/** What PUT /api/stream/info takes: the category by slug (null clears it). */
export type StreamInfoChanges = paths['/api/stream/info']['put']['requestBody']['content']['application/json'];

export type CategoryOption = Pick<Schema<'BrowseCategory'>, 'slug' | 'name'>;

export function getStreamInfo(signal?: AbortSignal): Promise<StreamInfo> {
  return unwrap(client.GET('/api/stream/info', { signal }));
}

/** Only the fields given change; the server answers what is stored. */
export function saveStreamInfo(changes: StreamInfoChanges): Promise<StreamInfo> {
  return unwrap(client.PUT('/api/stream/info', { body: changes }));
}

/** The categories a stream can be in (the same list /browse shows). */
export function getCategoryOptions(signal?: AbortSignal): Promise<{ items: CategoryOption[] }> {
  return unwrap(client.GET('/api/viewer/categories', { signal }));
}
