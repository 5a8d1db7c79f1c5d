import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type CreatorRequestItem = Schema<'CreatorRequestItem'>;
export type CreatorRequestStatus = Schema<'CreatorRequestStatus'>;
export type Decision = { userId: string; decision: 'APPROVED' | 'DECLINED'; reason?: string };

/** The admin feature's cache keys, from one factory. */
export const adminKeys = {
  all: ['admin'] as const,
  status: () => [...adminKeys.all, 'status'] as const,
  requests: () => [...adminKeys.all, 'creator-requests'] as const,
  requestsWith: (status: CreatorRequestStatus) => [...adminKeys.requests(), status] as const,
};

/** Whether the signed-in user is an admin (for the page and the link; the API checks for itself). */
export function useIsAdmin(enabled = true) {
  return useQuery({
    queryKey: adminKeys.status(),
    queryFn: ({ signal }) => unwrap(client.GET('/api/creator-access/admin', { signal })),
    enabled,
  });
}

export function useCreatorRequests(status: CreatorRequestStatus) {
  return useQuery({
    queryKey: adminKeys.requestsWith(status),
    queryFn: ({ signal }) => unwrap(client.GET('/api/admin/creator-requests', { params: { query: { status } }, signal })),
  });
}

/** Approves or declines; every list is re-read afterwards (the request moves between them). */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: Decision) =>
      unwrap(client.POST('/api/admin/creator-requests/{userId}/decision', { params: { path: { userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.requests() }),
  });
}
