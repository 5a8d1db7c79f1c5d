import { client, unwrap, type Schema } from '@/lib/api-client.ts';

/** The part of a profile its owner edits here. */
export type ProfileFields = Pick<Schema<'PublicProfile'>, 'name' | 'bio' | 'image'>;

const user = (username: string) => ({ params: { path: { username } } });

export function getProfileFields(username: string, signal?: AbortSignal): Promise<ProfileFields> {
  return unwrap(client.GET('/api/users/{username}', { ...user(username), signal }));
}

/** Only the fields given change; the server answers the saved profile. */
export function saveProfileFields(username: string, changes: Partial<ProfileFields>): Promise<ProfileFields> {
  return unwrap(client.PATCH('/api/users/{username}', { ...user(username), body: changes }));
}
