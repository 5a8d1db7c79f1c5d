import { useCallback, useEffect, useRef, useState } from 'react';
import { Track, ConnectionQuality, RemoteTrackPublication } from 'livekit-client';
import {
  RoomAudioRenderer,
  VideoTrack,
  useConnectionQualityIndicator,
  useLocalParticipant,
  useRoomContext,
  type TrackReference,
} from '@livekit/components-react';
import { MutedIcon } from '@/components/icons.tsx';
import { usePlayerPreferences } from '../stores/player-preferences-store.ts';
import { PlayerControls } from './player-controls.tsx';
import { HlsLiveVideo } from './hls-live-video.tsx';

const QUALITY_LABEL: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/**
 * The host's picture with sound muted until the viewer asks (browsers block unmuted autoplay). With `startMuted`
 * off (an embed's `?muted=0`) sound starts on where the browser allows it, else it stays muted with the button.
 */
export function HostVideo({
  trackRef,
  username,
  startMuted = true,
}: {
  trackRef: TrackReference;
  username: string;
  startMuted?: boolean;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const dataSaver = usePlayerPreferences((state) => state.dataSaver);
  const [hlsUnavailable, setHlsUnavailable] = useState(false);
  const overHls = dataSaver && !hlsUnavailable;
  const markHlsUnavailable = useCallback(() => setHlsUnavailable(true), []);
  // Data saver: LiveKit stops forwarding the host's media to this viewer; the subscription stays, so the page
  // still sees the stream is on (and chat, reactions and the viewer count go on over the room).
  useEffect(() => {
    for (const publication of trackRef.participant.trackPublications.values())
      if (publication instanceof RemoteTrackPublication) publication.setEnabled(!overHls);
  }, [overHls, trackRef.participant]);
  const room = useRoomContext();
  const [muted, setMuted] = useState(() => startMuted || !room.canPlaybackAudio);
  const volume = usePlayerPreferences((state) => state.volume);
  const { localParticipant } = useLocalParticipant();
  const { quality } = useConnectionQualityIndicator({ participant: localParticipant });
  const height = trackRef.publication.dimensions?.height;

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void containerRef.current?.requestFullscreen();
  }

  return (
    <div ref={containerRef} className="group relative h-full w-full bg-black">
      {overHls ? (
        <HlsLiveVideo username={username} muted={muted} volume={volume} onUnavailable={markHlsUnavailable} />
      ) : (
        <VideoTrack
          trackRef={trackRef}
          className="h-full w-full object-contain"
          data-testid="host-video"
          data-source={trackRef.source === Track.Source.ScreenShare ? 'screen' : 'camera'}
        />
      )}
      <RoomAudioRenderer muted={muted || overHls} volume={volume} />
      {muted && (
        <button
          type="button"
          onClick={() => setMuted(false)}
          className="absolute left-3 top-3 inline-flex items-center gap-2 rounded-lg bg-black/70 px-3 py-2 text-sm font-semibold text-white backdrop-blur hover:bg-black/90"
        >
          <MutedIcon /> Click to unmute
        </button>
      )}
      <PlayerControls
        muted={muted}
        onToggleMute={() => setMuted((current) => !current)}
        onToggleFullscreen={toggleFullscreen}
        quality={!overHls && height ? `${height}p` : undefined}
        connectionQuality={QUALITY_LABEL[quality]}
        dataSaverAvailable={!hlsUnavailable}
      />
    </div>
  );
}
