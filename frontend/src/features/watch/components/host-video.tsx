import { useState } from 'react';
import { Track } from 'livekit-client';
import { RoomAudioRenderer, VideoTrack, useRoomContext, useTracks } from '@livekit/components-react';

/** The host's picture (screen share first, else camera), muted until the viewer asks for sound. */
export function HostVideo({ offline }: { offline: React.ReactNode }) {
  const room = useRoomContext();
  const [muted, setMuted] = useState(true);
  // The room is named after the host's user id, and the host (browser or ingress) joins with that identity.
  const hostTracks = useTracks([Track.Source.ScreenShare, Track.Source.Camera], { onlySubscribed: true }).filter(
    (track) => track.participant.identity === room.name,
  );
  const hostTrack =
    hostTracks.find((track) => track.source === Track.Source.ScreenShare) ?? hostTracks[0];

  if (!hostTrack) return <>{offline}</>;

  return (
    <div className="relative h-full w-full">
      <VideoTrack trackRef={hostTrack} className="h-full w-full object-contain" data-testid="host-video" />
      <RoomAudioRenderer muted={muted} />
      {muted && (
        <button
          type="button"
          onClick={() => setMuted(false)}
          className="absolute bottom-4 left-4 rounded-lg bg-black/70 px-3 py-2 text-sm font-semibold text-white backdrop-blur hover:bg-black/90"
        >
          🔇 Click to unmute
        </button>
      )}
    </div>
  );
}
