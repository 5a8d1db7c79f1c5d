import { useEffect, useEffectEvent, useRef } from 'react';
import type { LiveEvent } from '@streamhouse/contract/events';
import { eventHub, type ServerEvent } from './event-hub.ts';

/** Sent by the server (GET /api/live/events) when a stream goes live or offline, or its viewer count or title changes. */
export type { LiveEvent, ServerEvent };

/** One creator's events (`hostId`), everyone's (`{}`), or none while `null` (e.g. before the page knows whose). */
export type LiveEventFilter = { hostId?: string } | null;

/**
 * The browser's one event stream (lib/event-hub.ts) while the component is mounted and `enabled`. `onOpen` runs
 * when it (re)opens or this component joins it: events before that were missed, so re-read the data.
 */
export function useServerEvents(enabled: boolean, onEvent: (event: ServerEvent) => void, onOpen?: () => void): void {
  const handleEvent = useEffectEvent(onEvent);
  const handleOpen = useEffectEvent(() => onOpen?.());

  // The stream is an external subscription: an effect is the tool.
  useEffect(() => {
    if (!enabled) return;
    return eventHub.subscribe({ onEvent: (event) => handleEvent(event), onOpen: () => handleOpen() });
  }, [enabled]);
}

/** Live updates without polling: streams going live or offline, viewer counts and titles, for one creator or all. */
export function useLiveEvents(filter: LiveEventFilter, onEvent: (event: LiveEvent) => void, onOpen?: () => void): void {
  const hostId = filter?.hostId;
  useServerEvents(
    filter !== null,
    (event) => {
      if (event.type === 'notification' || (hostId && event.hostId !== hostId)) return;
      onEvent(event);
    },
    onOpen,
  );
}

/**
 * Reopens the event stream when who is signed in changes (`undefined` while not yet known), so the server reads
 * the new session and sends that user's notifications — in every tab, since they share the stream.
 */
export function useEventStreamSession(userId: string | null | undefined): void {
  const known = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (userId === undefined) return;
    if (known.current !== undefined && known.current !== userId) eventHub.sessionChanged();
    known.current = userId;
  }, [userId]);
}
