import { queryOptions } from '@tanstack/react-query';
import { getProfile } from './profile-api.ts';

/** The profile feature's cache keys; `viewer` keeps answers that depend on who asks (follow state) apart. */
export const profileKeys = {
  all: ['profile'] as const,
  detail: (username: string, viewer: string) => [...profileKeys.all, username, viewer] as const,
};

export const profileQuery = (username: string, viewer: string) =>
  queryOptions({ queryKey: profileKeys.detail(username, viewer), queryFn: ({ signal }) => getProfile(username, signal) });
