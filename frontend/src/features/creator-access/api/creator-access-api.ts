import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type CreatorAccess = Schema<'CreatorAccess'>;

const KEY = ['creator-access'];

export function useCreatorAccess() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => unwrap(client.GET('/api/creator-access', { signal })) });
}

/** Asks the admins (or asks again after a decline); the answer is the new standing. */
export function useRequestCreatorAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => unwrap(client.POST('/api/creator-access', { body: note.trim() ? { note } : {} })),
    onSuccess: (access) => queryClient.setQueryData(KEY, access),
  });
}
