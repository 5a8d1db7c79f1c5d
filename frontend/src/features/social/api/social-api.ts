import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type FollowedUser = Schema<'FollowedUser'>;
export type BlockedUser = Schema<'BlockedUser'>;

const user = (username: string) => ({ params: { path: { username } } });

export const follow = (username: string) => unwrap(client.POST('/api/users/{username}/follow', user(username)));

export const unfollow = (username: string) => unwrap(client.DELETE('/api/users/{username}/follow', user(username)));

export const block = (username: string) => unwrap(client.POST('/api/users/{username}/block', user(username)));

export const unblock = (username: string) => unwrap(client.DELETE('/api/users/{username}/block', user(username)));

/** `owner` is the signed-in user: the list is private. */
export function listFollowing(owner: string, cursor?: string, signal?: AbortSignal) {
  const query = { limit: 24, ...(cursor && { cursor }) };
  return unwrap(client.GET('/api/users/{username}/following', { params: { path: { username: owner }, query }, signal }));
}

export const listBlocked = (owner: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/users/{username}/blocked', { ...user(owner), signal }));
