import { Track } from 'livekit-client';
import { useRoomContext, useTracks, type TrackReference } from '@livekit/components-react';

/**
 * The host's video: screen share first, else camera. The room is named after the host's user id and the
 * host (browser publisher or ingress) joins with that identity.
 */
export function useHostTrack(): TrackReference | undefined {
  const room = useRoomContext();
  const hostTracks = useTracks([Track.Source.ScreenShare, Track.Source.Camera], { onlySubscribed: true }).filter(
    (track) => track.participant.identity === room.name,
  );
  return hostTracks.find((track) => track.source === Track.Source.ScreenShare) ?? hostTracks[0];
}
