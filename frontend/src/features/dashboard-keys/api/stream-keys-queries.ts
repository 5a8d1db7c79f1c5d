import { queryOptions } from '@tanstack/react-query';
import { getStreamCredentials } from './stream-keys-api.ts';

/** The stream-keys feature's cache keys, from one factory. */
export const streamKeysKeys = {
  all: ['stream-keys'] as const,
  credentials: () => [...streamKeysKeys.all, 'credentials'] as const,
};

export const streamCredentialsQuery = () =>
  queryOptions({ queryKey: streamKeysKeys.credentials(), queryFn: ({ signal }) => getStreamCredentials(signal) });
