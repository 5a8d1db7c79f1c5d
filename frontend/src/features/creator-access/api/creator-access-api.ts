import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type CreatorAccess = Schema<'CreatorAccess'>;

/** The creator-access feature's cache keys, from one factory. */
export const creatorAccessKeys = { mine: () => ['creator-access', 'mine'] as const };

export function useCreatorAccess() {
  return useQuery({
    queryKey: creatorAccessKeys.mine(),
    queryFn: ({ signal }) => unwrap(client.GET('/api/creator-access', { signal })),
  });
}

/** Asks the admins (or asks again after a decline); the answer is the new standing. */
export function useRequestCreatorAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => unwrap(client.POST('/api/creator-access', { body: note.trim() ? { note } : {} })),
    onSuccess: (access) => queryClient.setQueryData(creatorAccessKeys.mine(), access),
  });
}
