import { useEffect, useState, type ReactNode } from 'react';
import { ConnectionState } from 'livekit-client';
import { useRoomConnectionState } from '@/lib/use-room-connection-state.ts';
import { Spinner } from '@/components/spinner.tsx';
import type { PublicStream } from '../api/get-public-stream.ts';
import { HostVideo } from './host-video.tsx';
import { OfflineCard } from './offline-card.tsx';
import { useHostTrack } from '../hooks/use-host-track.ts';

type PlayerProps = {
  stream: PublicStream;
  /** Sound off until the viewer unmutes (the default: browsers block unmuted autoplay). */
  startMuted?: boolean;
  /** Called when the host's video appears or goes away, so the page re-reads the channel. */
  onHostChange: () => void;
  overlay?: ReactNode;
  offlineActions?: ReactNode;
};

/** Connecting, offline, live, reconnecting and ended, all in the player's frame. */
export function Player({ stream, startMuted = true, onHostChange, overlay, offlineActions }: PlayerProps) {
  const connection = useRoomConnectionState();
  const hostTrack = useHostTrack();
  const hasVideo = Boolean(hostTrack);
  const [seenLive, setSeenLive] = useState(false);
  const [seenServerLive, setSeenServerLive] = useState(false);
  // Once the host's video has shown, losing it means the stream ended (state derived while rendering).
  if (hasVideo && !seenLive) setSeenLive(true);
  if (stream.isLive && !seenServerLive) setSeenServerLive(true);
  // The site is the authority on live state: once it says the stream ended, a host track LiveKit has not
  // dropped yet (a publisher that vanished is kept for a few seconds) is a frozen picture, not the stream.
  const endedByServer = seenLive && seenServerLive && !stream.isLive;

  // The host's tracks come and go as LiveKit events; tell the page once per transition.
  useEffect(() => {
    onHostChange();
  }, [hasVideo, onHostChange]);

  let content: ReactNode;
  if (hostTrack && !endedByServer)
    content = <HostVideo trackRef={hostTrack} username={stream.username} startMuted={startMuted} />;
  // Once the site says it ended, that holds whatever the connection does meanwhile (LiveKit may be re-joining).
  else if (endedByServer || (seenLive && connection !== ConnectionState.Connecting))
    content = (
      <OfflineCard
        stream={stream}
        heading="Stream ended"
        message="Thanks for watching! It picks up here if they come back."
        actions={offlineActions}
      />
    );
  else if (connection === ConnectionState.Connecting)
    content = (
      <div className="flex h-full items-center justify-center gap-3 text-zinc-300" role="status">
        <Spinner /> Connecting…
      </div>
    );
  else if (stream.isLive)
    content = (
      <div className="flex h-full items-center justify-center gap-3 text-zinc-300" role="status">
        <Spinner /> Starting the stream…
      </div>
    );
  else
    content = (
      <OfflineCard
        stream={stream}
        heading={`${stream.username} is offline`}
        message="The stream starts right here as soon as they go live."
        actions={offlineActions}
      />
    );

  return (
    <div className="relative h-full w-full" aria-live="polite">
      {content}
      {hostTrack && !endedByServer && overlay}
      {connection === ConnectionState.Reconnecting && (
        <div className="absolute inset-0 flex items-center justify-center gap-3 bg-black/60 text-white" role="status">
          <Spinner /> Reconnecting…
        </div>
      )}
    </div>
  );
}
