import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

type AutoSaved<T, Change> = {
  queryKey: QueryKey;
  load: (signal: AbortSignal) => Promise<T>;
  /** Stores the change; `current` is what was shown before it. Answers the stored settings. */
  save: (change: Change, current: T) => Promise<T>;
  /** What the status line says after a save. */
  savedText: string;
};

/**
 * Settings that save on every change, from the one server cache: the change shows at once, is put back if the
 * server refuses it, and the server's answer replaces it when it lands.
 */
export function useAutoSaved<T extends object, Change extends Partial<T>>({
  queryKey,
  load,
  save,
  savedText,
}: AutoSaved<T, Change>) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey, queryFn: ({ signal }) => load(signal) });
  const mutation = useMutation({
    mutationFn: ({ change, current }: { change: Change; current: T }) => save(change, current),
    onMutate: async ({ change, current }) => {
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData<T>(queryKey, { ...current, ...change });
      return { previous: current };
    },
    onError: (_error, _variables, context) => {
      if (context) queryClient.setQueryData<T>(queryKey, context.previous);
    },
    onSuccess: (stored) => queryClient.setQueryData<T>(queryKey, stored),
  });
  const status = mutation.isError
    ? {
        tone: 'error' as const,
        text:
          mutation.error instanceof ApiError ? mutation.error.message : 'Could not save. Check your connection and try again.',
      }
    : mutation.isSuccess
      ? { tone: 'success' as const, text: savedText }
      : null;
  return {
    query,
    save: (change: Change) => {
      if (query.data !== undefined) mutation.mutate({ change, current: query.data });
    },
    saving: mutation.isPending,
    status,
  };
}
