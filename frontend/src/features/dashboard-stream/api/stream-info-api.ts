import { api } from '@/lib/api-client.ts';

export type StreamInfo = {
  title: string;
  description: string | null;
  thumbnailUrl: string | null;
  category: { slug: string; name: string } | null;
  tags: string[];
};

/** What PUT /api/stream/info takes: the category by slug (null clears it). */
export type StreamInfoChanges = Partial<Omit<StreamInfo, 'category'> & { category: string | null }>;

export type CategoryOption = { slug: string; name: string };

export function getStreamInfo(signal?: AbortSignal): Promise<StreamInfo> {
  return api<StreamInfo>('/api/stream/info', { signal });
}

/** Only the fields given change; the server answers what is stored. */
export function saveStreamInfo(changes: StreamInfoChanges): Promise<StreamInfo> {
  return api<StreamInfo>('/api/stream/info', { method: 'PUT', body: changes });
}

/** The categories a stream can be in (the same list /browse shows). */
export function getCategoryOptions(signal?: AbortSignal): Promise<{ items: CategoryOption[] }> {
  return api('/api/viewer/categories', { signal });
}
