import { api } from '@/lib/api-client.ts';

export type PublicStream = {
  hostId: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  title: string;
  description: string | null;
  thumbnailUrl: string | null;
  isLive: boolean;
  viewerCount: number;
  startedAt: string | null;
  followerCount: number;
  isFollowing: boolean;
  isOwner: boolean;
  chat: { isChatEnabled: boolean; isChatFollowersOnly: boolean; slowModeSeconds: number; guestsMayChat: boolean };
};

export function getPublicStream(username: string, signal?: AbortSignal): Promise<PublicStream> {
  return api<PublicStream>(`/api/viewer/stream/${encodeURIComponent(username)}`, { signal });
}
