import { api } from '@/lib/api-client.ts';

export type ViewerToken = { token: string; identity: string; name: string; wsUrl: string };

export function getViewerToken(username: string, signal?: AbortSignal): Promise<ViewerToken> {
  return api<ViewerToken>('/api/viewer/token', { body: { username }, signal });
}
