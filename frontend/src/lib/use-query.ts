import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

type Keyed<T> = { key: string; result: { status: 'error'; error: unknown } | { status: 'ready'; data: T } };

/**
 * Loads server data for a page or section, again when `key` changes or `reload()` is called. Data for
 * an old key is never shown for a new one; a reload keeps the current data on screen until it lands.
 * `setData` applies a change the server already confirmed.
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [loaded, setLoaded] = useState<Keyed<T> | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const setData = useCallback((update: (data: T) => T) => {
    setLoaded((current) =>
      current?.result.status === 'ready' ? { ...current, result: { status: 'ready', data: update(current.result.data) } } : current,
    );
  }, []);

  const loadLatest = useEffectEvent(load);
  // Synchronises the data with its inputs (`key` says when they changed): an effect is the right tool.
  useEffect(() => {
    const controller = new AbortController();
    loadLatest(controller.signal)
      .then((data) => setLoaded({ key, result: { status: 'ready', data } }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, result: { status: 'error', error } });
      });
    return () => controller.abort();
  }, [key, version]);

  const state: QueryState<T> = loaded && loaded.key === key ? loaded.result : { status: 'loading' };
  return { state, reload, setData };
}
