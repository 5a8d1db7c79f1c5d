import { queryOptions } from '@tanstack/react-query';
import {
  getCategories,
  getCategoryStreams,
  getFollowedCreators,
  getLiveStreams,
  getRecommended,
  searchCreators,
} from './discovery-api.ts';

/**
 * The discovery feature's cache keys, from one factory. Every list of stream cards sits under `cardLists`, so a
 * live event (a viewer count, a title) can update them all in place.
 */
export const discoveryKeys = {
  cardLists: ['stream-cards'] as const,
  cardList: (...name: Array<string | number>) => [...discoveryKeys.cardLists, ...name] as const,
  categories: () => ['discovery', 'categories'] as const,
  category: (slug: string) => ['discovery', 'category', slug] as const,
};

export const liveStreamsQuery = (page: number, limit: number) =>
  queryOptions({
    queryKey: discoveryKeys.cardList('live', page, limit),
    queryFn: ({ signal }) => getLiveStreams(page, limit, signal),
  });

export const followedCreatorsQuery = () =>
  queryOptions({
    queryKey: discoveryKeys.cardList('following'),
    queryFn: ({ signal }) => getFollowedCreators(signal).then((result) => result.items),
  });

export const recommendedQuery = (limit: number) =>
  queryOptions({
    queryKey: discoveryKeys.cardList('recommended', limit),
    queryFn: ({ signal }) => getRecommended(limit, signal).then((result) => result.items),
  });

export const searchQuery = (query: string) =>
  queryOptions({
    queryKey: discoveryKeys.cardList('search', query),
    queryFn: ({ signal }) => searchCreators(query, signal).then((result) => result.items),
  });

export const categoriesQuery = () =>
  queryOptions({ queryKey: discoveryKeys.categories(), queryFn: ({ signal }) => getCategories(signal) });

export const categoryStreamsQuery = (slug: string) =>
  queryOptions({ queryKey: discoveryKeys.category(slug), queryFn: ({ signal }) => getCategoryStreams(slug, signal) });
