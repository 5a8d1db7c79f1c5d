import { useCallback, useSyncExternalStore } from 'react';
import { RoomEvent, type ConnectionState, type Room } from 'livekit-client';
import { useEnsureRoom } from '@livekit/components-react';

/**
 * The room's connection state, current even for a room that connected before this component subscribed.
 * components-react's `useConnectionState` takes its first value when it renders and subscribes in an effect
 * later: a room connected in between (the watch page starts connecting before React renders, and a busy machine
 * widens the gap) stays "connecting" forever. useSyncExternalStore reads the state again once subscribed.
 */
export function useRoomConnectionState(room?: Room): ConnectionState {
  const target = useEnsureRoom(room);
  const subscribe = useCallback(
    (onChange: () => void) => {
      target.on(RoomEvent.ConnectionStateChanged, onChange);
      return () => {
        target.off(RoomEvent.ConnectionStateChanged, onChange);
      };
    },
    [target],
  );
  return useSyncExternalStore(subscribe, () => target.state);
}
