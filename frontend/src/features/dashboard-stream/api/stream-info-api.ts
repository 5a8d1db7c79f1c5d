import { api } from '@/lib/api-client.ts';

export type StreamInfo = { title: string; description: string | null; thumbnailUrl: string | null };

export function getStreamInfo(signal?: AbortSignal): Promise<StreamInfo> {
  return api<StreamInfo>('/api/stream/info', { signal });
}

/** Only the fields given change; the server answers what is stored. */
export function saveStreamInfo(changes: Partial<StreamInfo>): Promise<StreamInfo> {
  return api<StreamInfo>('/api/stream/info', { method: 'PUT', body: changes });
}
