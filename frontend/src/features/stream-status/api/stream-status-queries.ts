import { queryOptions } from '@tanstack/react-query';
import { getCreatorToken, getStreamStatus } from './stream-status-api.ts';

/** The stream-status feature's cache keys, from one factory. */
export const streamStatusKeys = {
  all: ['stream-status'] as const,
  status: (hostId: string) => [...streamStatusKeys.all, hostId] as const,
  creatorToken: () => [...streamStatusKeys.all, 'creator-token'] as const,
};

export const streamStatusQuery = (hostId: string) =>
  queryOptions({ queryKey: streamStatusKeys.status(hostId), queryFn: ({ signal }) => getStreamStatus(signal) });

export const creatorTokenQuery = () =>
  queryOptions({ queryKey: streamStatusKeys.creatorToken(), queryFn: ({ signal }) => getCreatorToken(signal) });
