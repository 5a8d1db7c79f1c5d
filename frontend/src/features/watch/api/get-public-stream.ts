import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type PublicStream = Schema<'PublicStream'>;

export function getPublicStream(username: string, signal?: AbortSignal): Promise<PublicStream> {
  return unwrap(client.GET('/api/viewer/stream/{username}', { params: { path: { username } }, signal }));
}
