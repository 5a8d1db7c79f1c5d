import { useState, type ReactNode } from 'react';
import { ConnectionState, Track } from 'livekit-client';
import { LiveKitRoom, RoomAudioRenderer, VideoTrack, useRoomContext, useTracks } from '@livekit/components-react';
import { Button } from '@/components/button.tsx';
import { MutedIcon, VideoOffIcon, VolumeIcon } from '@/components/icons.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { useRoomConnectionState } from '@/lib/use-room-connection-state.ts';
import { creatorTokenQuery } from '../api/stream-status-queries.ts';

function Centered({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 px-6 text-center text-sm text-zinc-400">
      {children}
    </div>
  );
}

/** The host's picture as viewers get it, muted until the creator asks (hearing yourself live is confusing). */
function PreviewPicture({ isLive }: { isLive: boolean }) {
  const room = useRoomContext();
  const connection = useRoomConnectionState();
  const [muted, setMuted] = useState(true);
  const hostTracks = useTracks([Track.Source.ScreenShare, Track.Source.Camera], { onlySubscribed: true }).filter(
    (track) => track.participant.identity === room.name,
  );
  const picture = hostTracks.find((track) => track.source === Track.Source.ScreenShare) ?? hostTracks[0];

  return (
    <div
      className={`relative h-full w-full ${picture ? 'bg-black' : 'bg-gradient-to-br from-zinc-900 to-zinc-950'}`}
      aria-live="polite"
    >
      {picture ? (
        <VideoTrack trackRef={picture} className="h-full w-full object-contain" data-testid="self-preview-video" />
      ) : connection === ConnectionState.Connecting ? (
        <Centered>
          <Spinner /> Connecting the preview…
        </Centered>
      ) : isLive ? (
        <Centered>
          <Spinner /> Waiting for your picture…
        </Centered>
      ) : (
        <Centered>
          <VideoOffIcon className="size-8 text-zinc-600" />
          <p className="font-semibold text-zinc-200">You are offline</p>
          <p>Your stream shows up here, as your viewers see it, as soon as you go live.</p>
        </Centered>
      )}
      {picture && <RoomAudioRenderer muted={muted} />}
      <span
        className="absolute top-3 left-3 rounded bg-black/70 px-2 py-0.5 text-xs font-bold tracking-wide text-zinc-100 uppercase"
        data-testid="self-preview-badge"
      >
        Preview
      </span>
      {picture && (
        <button
          type="button"
          onClick={() => setMuted((current) => !current)}
          className="absolute bottom-3 left-3 inline-flex items-center gap-2 rounded-lg bg-black/70 px-3 py-1.5 text-sm font-semibold text-white backdrop-blur hover:bg-black/90"
        >
          {muted ? <MutedIcon className="size-4" /> : <VolumeIcon className="size-4" />}
          {muted ? 'Unmute preview' : 'Mute preview'}
        </button>
      )}
    </div>
  );
}

/**
 * The creator's own stream, watched through a subscribe-only token (identity Host-{userId}, not counted as a
 * viewer). Default export: loaded lazily, LiveKit is large.
 */
export default function SelfPreview({ isLive }: { isLive: boolean }) {
  const { state, reload } = useServerState(creatorTokenQuery());
  const [dropped, setDropped] = useState(false);

  if (state.status === 'loading')
    return (
      <Centered>
        <Spinner /> Connecting the preview…
      </Centered>
    );
  if (state.status === 'error' || dropped)
    return (
      <Centered>
        <p>The preview could not connect.</p>
        <Button
          variant="secondary"
          onClick={() => {
            setDropped(false);
            reload();
          }}
        >
          Try again
        </Button>
      </Centered>
    );
  return (
    <LiveKitRoom
      serverUrl={state.data.wsUrl}
      token={state.data.token}
      connect
      audio={false}
      video={false}
      onDisconnected={() => setDropped(true)}
      style={{ height: '100%' }}
    >
      <PreviewPicture isLive={isLive} />
    </LiveKitRoom>
  );
}
