import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type ViewerToken = Schema<'RoomToken'>;

export function getViewerToken(username: string, signal?: AbortSignal): Promise<ViewerToken> {
  return unwrap(client.POST('/api/viewer/token', { body: { username }, signal }));
}
