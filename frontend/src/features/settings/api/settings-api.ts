import { api } from '@/lib/api-client.ts';

export type ProfileFields = { name: string; bio: string | null; image: string | null };

export function getProfileFields(username: string, signal?: AbortSignal): Promise<ProfileFields> {
  return api<ProfileFields>(`/api/users/${encodeURIComponent(username)}`, { signal });
}

/** Only the fields given change; the server answers the saved profile. */
export function saveProfileFields(username: string, changes: Partial<ProfileFields>): Promise<ProfileFields> {
  return api<ProfileFields>(`/api/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: changes });
}
