import { api } from '@/lib/api-client.ts';

export type PublicProfile = {
  id: string;
  username: string;
  displayUsername: string;
  name: string;
  bio: string | null;
  image: string | null;
  createdAt: string;
  followerCount: number;
  followingCount: number;
  isLive: boolean;
  streamTitle: string | null;
  viewer: { isSelf: boolean; isFollowing: boolean; isBlocking: boolean } | null;
};

export function getProfile(username: string, signal?: AbortSignal): Promise<PublicProfile> {
  return api<PublicProfile>(`/api/users/${encodeURIComponent(username)}`, { signal });
}
