import { client, unwrap, type Schema } from '@/lib/api-client.ts';
import { paths } from '@/config/paths.ts';
import { viewerSource } from './viewer-source.ts';

export type ViewerToken = Schema<'RoomToken'>;

export function getViewerToken(username: string, signal?: AbortSignal): Promise<ViewerToken> {
  const source = viewerSource(paths.watch.to(username));
  return unwrap(client.POST('/api/viewer/token', { body: source ? { username, source } : { username }, signal }));
}
