import { api } from '@/lib/api-client.ts';

export type StreamCard = {
  hostId: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  title: string;
  thumbnailUrl: string | null;
  /** A recent picture of the broadcast while live (the URL changes when a newer one exists). */
  liveThumbnailUrl: string | null;
  isLive: boolean;
  viewerCount: number;
  startedAt: string | null;
  category: { slug: string; name: string } | null;
  tags: string[];
};

export type BrowseCategory = {
  slug: string;
  name: string;
  cover: { from: string; to: string };
  liveCount: number;
  viewerCount: number;
};

export const getCategories = (signal?: AbortSignal) => api<{ items: BrowseCategory[] }>('/api/viewer/categories', { signal });

export const getCategoryStreams = (slug: string, signal?: AbortSignal) =>
  api<{ category: BrowseCategory; items: StreamCard[] }>(`/api/viewer/categories/${encodeURIComponent(slug)}`, { signal });

export type Page<T> = { items: T[]; total: number; page: number; limit: number; totalPages: number };

export const getLiveStreams = (page: number, limit: number, signal?: AbortSignal) =>
  api<Page<StreamCard>>(`/api/viewer/live?page=${page}&limit=${limit}`, { signal });

export const getFollowedCreators = (signal?: AbortSignal) => api<{ items: StreamCard[] }>('/api/viewer/following', { signal });

export const getRecommended = (limit: number, signal?: AbortSignal) =>
  api<{ items: StreamCard[] }>(`/api/viewer/recommended?limit=${limit}`, { signal });

export const searchCreators = (q: string, signal?: AbortSignal) =>
  api<{ items: StreamCard[] }>(`/api/viewer/search?q=${encodeURIComponent(q)}`, { signal });
