import { api } from '@/lib/api-client.ts';
import { paths } from '@/config/paths.ts';
import { viewerSource } from './viewer-source.ts';

export type ViewerToken = { token: string; identity: string; name: string; wsUrl: string };

export function getViewerToken(username: string, signal?: AbortSignal): Promise<ViewerToken> {
  const source = viewerSource(paths.watch.to(username));
  return api<ViewerToken>('/api/viewer/token', { body: source ? { username, source } : { username }, signal });
}
