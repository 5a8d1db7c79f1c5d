import { useEffect, useEffectEvent } from 'react';

/** Sent by the server (GET /api/live/events) when a stream goes live or offline, or its viewer count or title changes. */
export type LiveEvent = {
  type: 'stream.live' | 'stream.offline' | 'stream.updated';
  hostId: string;
  username: string;
  isLive: boolean;
  viewerCount: number;
  startedAt: string | null;
  title: string;
};

/** One creator's events (`hostId`), everyone's (`{}`), or none while `null` (e.g. before the page knows whose). */
export type LiveEventFilter = { hostId?: string } | null;

/**
 * Live updates without polling: subscribes to the server's event stream while the component is mounted.
 * `onOpen` runs each time the stream opens (first time and after a drop): events sent before that, e.g.
 * between the page's first read and the subscription, were missed, so re-read the data.
 */
export function useLiveEvents(filter: LiveEventFilter, onEvent: (event: LiveEvent) => void, onOpen?: () => void): void {
  const handleEvent = useEffectEvent(onEvent);
  const handleOpen = useEffectEvent(() => onOpen?.());
  const enabled = filter !== null;
  const hostId = filter?.hostId;

  // An open connection to the server is an external subscription: an effect is the tool.
  useEffect(() => {
    if (!enabled) return;
    const url = hostId ? `/api/live/events?hostId=${encodeURIComponent(hostId)}` : '/api/live/events';
    const source = new EventSource(url, { withCredentials: true });
    source.onopen = () => handleOpen();
    source.onmessage = (message: MessageEvent<string>) => {
      handleEvent(JSON.parse(message.data) as LiveEvent);
    };
    return () => source.close();
  }, [enabled, hostId]);
}
