import { queryOptions } from '@tanstack/react-query';
import { getProfileFields } from './settings-api.ts';

/** The settings feature's cache keys, from one factory. */
export const settingsKeys = {
  all: ['settings'] as const,
  profileFields: (username: string) => [...settingsKeys.all, 'profile-fields', username] as const,
};

export const profileFieldsQuery = (username: string) =>
  queryOptions({ queryKey: settingsKeys.profileFields(username), queryFn: ({ signal }) => getProfileFields(username, signal) });
