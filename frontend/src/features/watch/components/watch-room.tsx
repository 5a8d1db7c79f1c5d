import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { DisconnectReason, RoomEvent } from 'livekit-client';
import { LiveKitRoom, useRoomContext } from '@livekit/components-react';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { claimWatchConnection, type WatchConnection } from '../api/watch-connection.ts';
import type { PublicStream } from '../api/get-public-stream.ts';
import { useHostTrack } from '../hooks/use-host-track.ts';
import { usePlayerPreferences } from '../stores/player-preferences-store.ts';
import { Player } from './player.tsx';
import { StreamInfoBar } from './stream-info-bar.tsx';

/** A slot's contents, or a function of the room's join token (chat sends it to prove a guest's identity). */
type RoomSlot = ReactNode | ((room: { token: string }) => ReactNode);

export type WatchRoomSlots = {
  /** Beside the player on wide screens, below it on phones (the chat). Rendered inside the LiveKit room. */
  sidebar?: RoomSlot;
  /** Over the live video (reactions). Rendered inside the LiveKit room. */
  overlay?: RoomSlot;
  /** Buttons for the channel (follow). */
  actions?: ReactNode;
  /** More for the offline card (a way to the last broadcast). */
  offline?: ReactNode;
};

/**
 * `page`: the watch page. `embed`: the player filling another site's iframe (the sidebar, if any, beside it; no
 * info bar). `chat`: only the sidebar, filling the page, with no video downloaded (an OBS chat overlay).
 */
export type WatchRoomLayout = 'page' | 'embed' | 'chat';

const EMBED_RETRY_MS = 5000;

type ConnectionState =
  | { kind: 'loading' }
  | { kind: 'ready'; connection: WatchConnection }
  | { kind: 'unavailable'; message: string }
  | { kind: 'error'; message: string };

function WatchLayout({ player, info, sidebar }: { player: ReactNode; info: ReactNode; sidebar?: ReactNode }) {
  const theatre = usePlayerPreferences((state) => state.theatre);
  return (
    <div
      className={`mx-auto flex w-full flex-col gap-4 lg:flex-row ${theatre ? 'max-w-none lg:gap-0' : 'max-w-screen-2xl sm:p-4'}`}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div
          className={`w-full overflow-hidden bg-black ${theatre ? 'aspect-video lg:aspect-auto lg:h-[calc(100dvh-3.5rem)]' : 'aspect-video sm:rounded-xl'}`}
        >
          {player}
        </div>
        {!theatre && info}
      </div>
      {sidebar && (
        <aside
          aria-label="Chat"
          className={`flex h-[28rem] shrink-0 flex-col border-zinc-800 lg:w-[22rem] ${theatre ? 'lg:h-[calc(100dvh-3.5rem)] lg:border-l' : 'lg:h-[calc(100dvh-6rem)] lg:rounded-xl lg:border'}`}
        >
          {sidebar}
        </aside>
      )}
    </div>
  );
}

function EmbedLayout({ player, sidebar }: { player: ReactNode; sidebar?: ReactNode }) {
  return (
    <div className="flex h-dvh w-full bg-black">
      <div className="h-full min-w-0 flex-1">{player}</div>
      {sidebar && (
        <aside aria-label="Chat" className="hidden h-full w-80 shrink-0 flex-col border-l border-zinc-800 sm:flex">
          {sidebar}
        </aside>
      )}
    </div>
  );
}

function OfflineActions({ slots }: { slots: WatchRoomSlots }) {
  if (!slots.offline && !slots.actions) return null;
  return (
    <div className="flex flex-wrap items-center justify-center gap-2">
      {slots.offline}
      {slots.actions}
    </div>
  );
}

function LoadingStream() {
  return (
    <div className="flex h-full items-center justify-center text-zinc-400" role="status">
      <Spinner />
      <span className="sr-only">Loading stream…</span>
    </div>
  );
}

type RoomContentsProps = {
  stream: PublicStream;
  layout: WatchRoomLayout;
  startMuted: boolean;
  onHostChange: () => void;
  onDisconnected: (reason: DisconnectReason | undefined) => void;
  slots: WatchRoomSlots;
  token: string;
};

function RoomContents({ stream, layout, startMuted, onHostChange, onDisconnected, slots, token }: RoomContentsProps) {
  const room = useRoomContext();
  const hostTrack = useHostTrack();
  // The reason a room closed (removed, network) only arrives as a LiveKit event.
  useEffect(() => {
    room.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
    };
  }, [room, onDisconnected]);
  const fill = (slot: RoomSlot) => (typeof slot === 'function' ? slot({ token }) : slot);
  if (layout === 'chat') return <>{fill(slots.sidebar)}</>;
  const player = (
    <Player
      stream={stream}
      startMuted={startMuted}
      onHostChange={onHostChange}
      overlay={fill(slots.overlay)}
      offlineActions={<OfflineActions slots={slots} />}
    />
  );
  if (layout === 'embed') return <EmbedLayout player={player} sidebar={fill(slots.sidebar)} />;
  return (
    <WatchLayout
      player={player}
      info={<StreamInfoBar stream={stream} isLive={Boolean(hostTrack) || stream.isLive} actions={slots.actions} />}
      sidebar={fill(slots.sidebar)}
    />
  );
}

/**
 * Joins the creator's room with a subscribe-only token. The connection is usually already under way (the page
 * starts it before this chunk loads, see startWatching); this component takes it over and closes it when it goes.
 * Default export: loaded lazily (LiveKit is large).
 */
export default function WatchRoom({
  stream,
  onHostChange,
  layout = 'page',
  startMuted = true,
  ...slots
}: {
  stream: PublicStream;
  onHostChange: () => void;
  layout?: WatchRoomLayout;
  /** Sound off until the viewer unmutes (browsers block unmuted autoplay); `false` asks to start with sound. */
  startMuted?: boolean;
} & WatchRoomSlots) {
  const [state, setState] = useState<ConnectionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const handleDisconnected = useCallback((reason: DisconnectReason | undefined) => {
    if (reason === DisconnectReason.PARTICIPANT_REMOVED)
      setState({ kind: 'unavailable', message: 'You were removed from this stream.' });
    else if (reason !== DisconnectReason.CLIENT_INITIATED)
      setState({ kind: 'error', message: 'The connection to the stream was lost.' });
  }, []);

  // A connection per channel (and per retry): synchronising with the page's channel.
  useEffect(() => {
    let active = true;
    const connection = claimWatchConnection(stream.username, layout === 'chat' ? 'data' : 'video');
    connection
      .then((ready) => {
        if (active) setState({ kind: 'ready', connection: ready });
      })
      .catch((error: unknown) => {
        if (!active) return;
        if (error instanceof ApiError && error.status === 403) setState({ kind: 'unavailable', message: error.message });
        else setState({ kind: 'error', message: error instanceof Error ? error.message : 'Please try again.' });
      });
    return () => {
      active = false;
      // Before it is handed to LiveKitRoom (which closes it on unmount), the room is this effect's to close.
      connection.then(({ room }) => room.disconnect()).catch(() => undefined);
    };
  }, [stream.username, attempt, layout]);

  // An embed has nobody to press "Try again" (an OBS source, another site's page): it retries by itself.
  useEffect(() => {
    if (layout === 'page' || state.kind !== 'error') return;
    const retry = setTimeout(() => {
      setState({ kind: 'loading' });
      setAttempt((current) => current + 1);
    }, EMBED_RETRY_MS);
    return () => clearTimeout(retry);
  }, [layout, state.kind]);

  if (state.kind === 'unavailable')
    return (
      <StatusPanel title="This channel is unavailable" icon={<span className="text-4xl">🚫</span>}>
        {state.message}
      </StatusPanel>
    );
  if (state.kind === 'error')
    return (
      <StatusPanel title="Could not load the stream">
        <p>{state.message}</p>
        <Button
          className="mt-4"
          variant="secondary"
          onClick={() => {
            setState({ kind: 'loading' });
            setAttempt((current) => current + 1);
          }}
        >
          Try again
        </Button>
      </StatusPanel>
    );
  if (state.kind === 'loading' && layout !== 'page') return <LoadingStream />;
  if (state.kind === 'loading') return <WatchLayout player={<LoadingStream />} info={null} />;

  const { room, token } = state.connection;
  return (
    <LiveKitRoom
      room={room}
      serverUrl={token.wsUrl}
      token={token.token}
      connect
      audio={false}
      video={false}
      style={{ display: 'contents' }}
    >
      <RoomContents
        stream={stream}
        layout={layout}
        startMuted={startMuted}
        onHostChange={onHostChange}
        slots={slots}
        token={token.token}
        onDisconnected={handleDisconnected}
      />
    </LiveKitRoom>
  );
}
