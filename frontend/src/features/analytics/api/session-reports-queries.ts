import { queryOptions } from '@tanstack/react-query';
import { getSessionReports } from './get-session-reports.ts';

/** The analytics feature's cache keys, from one factory. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  sessions: () => [...analyticsKeys.all, 'sessions'] as const,
  session: (sessionId: string) => [...analyticsKeys.all, 'session', sessionId] as const,
};

export const sessionReportsQuery = () =>
  queryOptions({
    queryKey: analyticsKeys.sessions(),
    queryFn: ({ signal }) => getSessionReports(signal).then((result) => result.items),
  });
