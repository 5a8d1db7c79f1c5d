import { queryOptions } from '@tanstack/react-query';
import { getPublicStream } from './get-public-stream.ts';

/** The watch feature's cache keys, from one factory. */
export const watchKeys = {
  all: ['watch'] as const,
  stream: (username: string) => [...watchKeys.all, 'stream', username] as const,
};

export const publicStreamQuery = (username: string) =>
  queryOptions({ queryKey: watchKeys.stream(username), queryFn: ({ signal }) => getPublicStream(username, signal) });
