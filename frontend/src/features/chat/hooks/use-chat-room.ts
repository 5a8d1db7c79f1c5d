import { useCallback, useEffect, useReducer, useState } from 'react';
import { RoomEvent } from 'livekit-client';
import { useDataChannel, useRoomContext } from '@livekit/components-react';
import { getChatHistory, getChatState } from '../api/chat-messages.ts';
import type { ChatEvent, ChatSettings, SettingsEvent } from '../api/chat-types.ts';
import { chatRoomReducer, initialChatRoom } from './chat-room-reducer.ts';
import { TOPICS } from '@streamhouse/contract';

const CHAT_EVENTS = new Set<ChatEvent['type']>(['message', 'messages', 'delete', 'clear', 'pin', 'timeout', 'role']);
const decoder = new TextDecoder();

/** Only the backend publishes to the room (no viewer token may), so packets from a participant are ignored. */
function decode(message: { payload: Uint8Array; from?: unknown }): { type?: unknown } | undefined {
  if (message.from) return undefined;
  try {
    return JSON.parse(decoder.decode(message.payload)) as { type?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * One room's chat: state and history loaded over HTTP, then kept current by the data channel (messages,
 * deletes, pins, clears, settings, this viewer's timeout and role).
 */
export function useChatRoom(hostId: string, roomToken: string, initialSettings: ChatSettings) {
  const [state, dispatch] = useReducer(chatRoomReducer, initialSettings, initialChatRoom);
  const [loadCount, setLoadCount] = useState(0);
  const reload = useCallback(() => setLoadCount((count) => count + 1), []);
  const room = useRoomContext();

  // Synchronises the panel with the server: when it opens, on retry, and after the connection comes back.
  useEffect(() => {
    const controller = new AbortController();
    const requestedAt = Date.now();
    dispatch({ type: 'load-started' });
    Promise.all([getChatState(hostId, roomToken, controller.signal), getChatHistory(hostId, { signal: controller.signal })])
      .then(([chatState, history]) => dispatch({ type: 'loaded', state: chatState, history, requestedAt }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          dispatch({ type: 'load-failed', error: error instanceof Error ? error.message : 'Please try again.' });
      });
    return () => controller.abort();
  }, [hostId, roomToken, loadCount]);

  // Events published before the room connection was up (the panel loads in parallel with joining), or while it
  // was down, never arrive: load again once it is up.
  useEffect(() => {
    room.on(RoomEvent.Connected, reload);
    room.on(RoomEvent.Reconnected, reload);
    return () => {
      room.off(RoomEvent.Connected, reload);
      room.off(RoomEvent.Reconnected, reload);
    };
  }, [room, reload]);

  const onChatEvent = useCallback((message: { payload: Uint8Array; from?: unknown }) => {
    const event = decode(message);
    if (event && CHAT_EVENTS.has(event.type as ChatEvent['type'])) dispatch(event as ChatEvent);
  }, []);
  const onSettingsEvent = useCallback((message: { payload: Uint8Array; from?: unknown }) => {
    const event = decode(message);
    if (event?.type === 'settings') dispatch(event as SettingsEvent);
  }, []);
  useDataChannel(TOPICS.chat, onChatEvent);
  useDataChannel(TOPICS.settings, onSettingsEvent);

  const loadOlder = useCallback(async () => {
    const oldest = state.messages[0];
    if (!oldest) return;
    dispatch({ type: 'older-loaded', history: await getChatHistory(hostId, { before: oldest.id }) });
  }, [hostId, state.messages]);

  return { state, dispatch, retry: reload, loadOlder };
}
