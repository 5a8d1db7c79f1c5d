import { useLayoutEffect } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { useConnectionState } from '@livekit/components-react';
import { useRoomConnectionState } from './use-room-connection-state.ts';

/** Just what the hooks read of a room: its state and the state-change event. */
function fakeRoom() {
  const listeners = new Set<() => void>();
  const room = {
    state: ConnectionState.Connecting,
    on: (event: RoomEvent, listener: () => void) => {
      if (event === RoomEvent.ConnectionStateChanged) listeners.add(listener);
      return room;
    },
    off: (_event: RoomEvent, listener: () => void) => {
      listeners.delete(listener);
      return room;
    },
    connect() {
      room.state = ConnectionState.Connected;
      for (const listener of listeners) listener();
    },
  };
  return room;
}

/** The room finishes connecting after the first render but before passive effects: what a busy page sees. */
function Probe({ room, read }: { room: ReturnType<typeof fakeRoom>; read: (room: Room) => ConnectionState }) {
  const state = read(room as unknown as Room);
  useLayoutEffect(() => room.connect(), [room]);
  return <p>{state}</p>;
}

describe('the room connection state', () => {
  it('is "connected" for a room that connected between the first render and the subscription', () => {
    render(<Probe room={fakeRoom()} read={(room) => useRoomConnectionState(room)} />);
    expect(screen.getByText(ConnectionState.Connected)).toBeTruthy();
  });

  it("is where components-react's useConnectionState stays stuck (why this hook exists)", () => {
    render(<Probe room={fakeRoom()} read={(room) => useConnectionState(room)} />);
    expect(screen.getByText(ConnectionState.Connecting)).toBeTruthy();
  });
});
