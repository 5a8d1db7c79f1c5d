import { queryOptions } from '@tanstack/react-query';
import { getCategoryOptions, getStreamInfo } from './stream-info-api.ts';

/** The stream-info feature's cache keys, from one factory. */
export const streamInfoKeys = {
  all: ['stream-info'] as const,
  mine: () => [...streamInfoKeys.all, 'mine'] as const,
  categoryOptions: () => [...streamInfoKeys.all, 'category-options'] as const,
};

export const streamInfoQuery = () =>
  queryOptions({ queryKey: streamInfoKeys.mine(), queryFn: ({ signal }) => getStreamInfo(signal) });

export const categoryOptionsQuery = () =>
  queryOptions({ queryKey: streamInfoKeys.categoryOptions(), queryFn: ({ signal }) => getCategoryOptions(signal) });
