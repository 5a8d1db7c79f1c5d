import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

export type CreatorAccess = components['schemas']['CreatorAccess'];

const KEY = ['creator-access'];

export function useCreatorAccess() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api<CreatorAccess>('/api/creator-access', { signal }) });
}

/** Asks the admins (or asks again after a decline); the answer is the new standing. */
export function useRequestCreatorAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api<CreatorAccess>('/api/creator-access', { method: 'POST', body: note.trim() ? { note } : {} }),
    onSuccess: (access) => queryClient.setQueryData(KEY, access),
  });
}
