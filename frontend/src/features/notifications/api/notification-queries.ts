import { queryOptions } from '@tanstack/react-query';
import { getMuted, listNotifications } from './notifications-api.ts';

/** The notifications feature's cache keys, from one factory. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (userId: string) => [...notificationKeys.all, 'list', userId] as const,
  muted: (username: string) => [...notificationKeys.all, 'muted', username.toLowerCase()] as const,
};

export const notificationsQuery = (userId: string) =>
  queryOptions({ queryKey: notificationKeys.list(userId), queryFn: ({ signal }) => listNotifications(signal) });

export const mutedQuery = (username: string) =>
  queryOptions({ queryKey: notificationKeys.muted(username), queryFn: ({ signal }) => getMuted(username, signal) });
