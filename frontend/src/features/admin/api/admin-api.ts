import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

type Schemas = components['schemas'];
export type CreatorRequestItem = Schemas['CreatorRequestItem'];
export type CreatorRequestStatus = Schemas['CreatorRequestStatus'];
export type Decision = { userId: string; decision: 'APPROVED' | 'DECLINED'; reason?: string };

/** Whether the signed-in user is an admin (for the page and the link; the API checks for itself). */
export function useIsAdmin(enabled = true) {
  return useQuery({
    queryKey: ['admin-status'],
    queryFn: ({ signal }) => api<Schemas['AdminStatus']>('/api/creator-access/admin', { signal }),
    enabled,
  });
}

export function useCreatorRequests(status: CreatorRequestStatus) {
  return useQuery({
    queryKey: ['creator-requests', status],
    queryFn: ({ signal }) => api<Schemas['CreatorRequestList']>(`/api/admin/creator-requests?status=${status}`, { signal }),
  });
}

/** Approves or declines; every list is re-read afterwards (the request moves between them). */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: Decision) =>
      api<CreatorRequestItem>(`/api/admin/creator-requests/${encodeURIComponent(userId)}/decision`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['creator-requests'] }),
  });
}
