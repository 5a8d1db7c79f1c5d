import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamCard = Schema<'StreamCard'>;
export type StreamCardPage = Schema<'StreamCardPage'>;
export type BrowseCategory = Schema<'BrowseCategory'>;

export const getCategories = (signal?: AbortSignal) => unwrap(client.GET('/api/viewer/categories', { signal }));

export const getCategoryStreams = (slug: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/categories/{slug}', { params: { path: { slug } }, signal }));

export const getLiveStreams = (page: number, limit: number, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/live', { params: { query: { page, limit } }, signal }));

export const getFollowedCreators = (signal?: AbortSignal) => unwrap(client.GET('/api/viewer/following', { signal }));

export const getRecommended = (limit: number, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/recommended', { params: { query: { limit } }, signal }));

export const searchCreators = (q: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/search', { params: { query: { q } }, signal }));
