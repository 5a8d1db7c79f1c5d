import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type StreamCard = Schema<'StreamCard'>;
export type StreamCardPage = Schema<'StreamCardPage'>;

export const getLiveStreams = (page: number, limit: number, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/live', { params: { query: { page, limit } }, signal }));

export const getFollowedCreators = (signal?: AbortSignal) => unwrap(client.GET('/api/viewer/following', { signal }));

export const getRecommended = (limit: number, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/recommended', { params: { query: { limit } }, signal }));

export const searchCreators = (q: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/viewer/search', { params: { query: { q } }, signal }));
