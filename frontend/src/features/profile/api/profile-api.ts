import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type PublicProfile = Schema<'PublicProfile'>;

export function getProfile(username: string, signal?: AbortSignal): Promise<PublicProfile> {
  return unwrap(client.GET('/api/users/{username}', { params: { path: { username } }, signal }));
}
