import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

export type SessionDetail = components['schemas']['SessionDetail'];
export type ViewerSource = components['schemas']['ViewerSource'];

/** One broadcast's charts; re-read every 15 s while it is still live. */
export function useSessionDetail(sessionId: string) {
  return useQuery({
    queryKey: ['session-detail', sessionId],
    queryFn: ({ signal }) => api<SessionDetail>(`/api/analytics/sessions/${encodeURIComponent(sessionId)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.session.isLive ? 15_000 : false),
  });
}
