import { api } from '@/lib/api-client.ts';

export type UserSummary = { id: string; username: string; displayUsername: string; name: string; image: string | null };
export type FollowedUser = UserSummary & { isLive: boolean; followedAt: string };
export type BlockedUser = UserSummary & { blockedAt: string };

const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;

export function follow(username: string): Promise<{ following: true; followerCount: number }> {
  return api(`${userPath(username)}/follow`, { method: 'POST' });
}

export function unfollow(username: string): Promise<{ following: false; followerCount: number }> {
  return api(`${userPath(username)}/follow`, { method: 'DELETE' });
}

export function block(username: string): Promise<{ blocked: true }> {
  return api(`${userPath(username)}/block`, { method: 'POST' });
}

export function unblock(username: string): Promise<{ blocked: false }> {
  return api(`${userPath(username)}/block`, { method: 'DELETE' });
}

/** `owner` is the signed-in user: the list is private. */
export function listFollowing(owner: string, cursor?: string, signal?: AbortSignal): Promise<{ users: FollowedUser[]; nextCursor: string | null }> {
  const query = new URLSearchParams({ limit: '24', ...(cursor && { cursor }) });
  return api(`${userPath(owner)}/following?${query}`, { signal });
}

export function listBlocked(owner: string, signal?: AbortSignal): Promise<{ users: BlockedUser[] }> {
  return api(`${userPath(owner)}/blocked`, { signal });
}
