import { useEffect, useEffectEvent } from 'react';
import type { LiveEvent } from '@streamhouse/contract/events';

/** Sent by the server (GET /api/live/events) when a stream goes live or offline, or its viewer count or title changes. */
export type { LiveEvent };

/** One creator's events (`hostId`), everyone's (`{}`), or none while `null` (e.g. before the page knows whose). */
export type LiveEventFilter = { hostId?: string } | null;

/** 1 s, 2 s, 4 s … up to 30 s, each spread by ±50 % so a server's clients do not all return at the same moment. */
export function reconnectDelayMs(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/**
 * Live updates without polling: subscribes to the server's event stream while the component is mounted.
 * `onOpen` runs each time the stream opens (first time and after a drop): events sent before that, e.g.
 * between the page's first read and the subscription, were missed, so re-read the data.
 */
export function useLiveEvents(filter: LiveEventFilter, onEvent: (event: LiveEvent) => void, onOpen?: () => void): void {
  const hostId = filter?.hostId;
  const url = filter === null ? null : hostId ? `/api/live/events?hostId=${encodeURIComponent(hostId)}` : '/api/live/events';
  useServerEvents<LiveEvent>(url, onEvent, onOpen);
}

/**
 * Any server-sent event stream of the API (`null`: none), each `data:` line parsed as JSON. Reconnects after a
 * drop, later each time; `onOpen` runs on every (re)connection.
 */
export function useServerEvents<T>(url: string | null, onEvent: (event: T) => void, onOpen?: () => void): void {
  const handleEvent = useEffectEvent(onEvent);
  const handleOpen = useEffectEvent(() => onOpen?.());

  // An open connection to the server is an external subscription: an effect is the tool.
  useEffect(() => {
    if (url === null) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const connect = () => {
      source = new EventSource(url, { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        handleOpen();
      };
      source.onmessage = (message: MessageEvent<string>) => {
        handleEvent(JSON.parse(message.data) as T);
      };
      // EventSource retries a dropped connection by itself, but gives up for good after an error answer (a 503
      // while the server is busy or the database is down): then this page reconnects, later each time.
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        failures += 1;
        retry = setTimeout(connect, reconnectDelayMs(failures));
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);
}
