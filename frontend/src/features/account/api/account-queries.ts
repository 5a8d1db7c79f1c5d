import { queryOptions } from '@tanstack/react-query';
import { listPasskeys, listSessions } from './account-api.ts';

/** The account feature's cache keys, from one factory. */
export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  passkeys: () => [...accountKeys.all, 'passkeys'] as const,
};

export const sessionsQuery = () =>
  queryOptions({ queryKey: accountKeys.sessions(), queryFn: ({ signal }) => listSessions(signal) });

export const passkeysQuery = () =>
  queryOptions({ queryKey: accountKeys.passkeys(), queryFn: ({ signal }) => listPasskeys(signal) });
