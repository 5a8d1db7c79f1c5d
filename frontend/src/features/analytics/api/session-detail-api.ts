import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';
import { analyticsKeys } from './session-reports-queries.ts';

export type SessionDetail = Schema<'SessionDetail'>;
export type ViewerSource = Schema<'ViewerSource'>;

/** One broadcast's charts; re-read every 15 s while it is still live. */
export function useSessionDetail(sessionId: string) {
  return useQuery({
    queryKey: analyticsKeys.session(sessionId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/analytics/sessions/{sessionId}', { params: { path: { sessionId } }, signal })),
    refetchInterval: (query) => (query.state.data?.session.isLive ? 15_000 : false),
  });
}
