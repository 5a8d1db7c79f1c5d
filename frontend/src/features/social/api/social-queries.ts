import { queryOptions } from '@tanstack/react-query';
import { listBlocked, listFollowing } from './social-api.ts';

/** The social feature's cache keys, from one factory. */
export const socialKeys = {
  all: ['social'] as const,
  following: (owner: string) => [...socialKeys.all, 'following', owner] as const,
  blocked: (owner: string) => [...socialKeys.all, 'blocked', owner] as const,
};

export const followingQuery = (owner: string) =>
  queryOptions({ queryKey: socialKeys.following(owner), queryFn: ({ signal }) => listFollowing(owner, undefined, signal) });

export const blockedQuery = (owner: string) =>
  queryOptions({ queryKey: socialKeys.blocked(owner), queryFn: ({ signal }) => listBlocked(owner, signal) });
