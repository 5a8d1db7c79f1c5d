import { useLocalParticipant, useRemoteParticipants, useRoomContext } from '@livekit/components-react';
import { isViewerIdentity as isViewer } from '@streamhouse/contract';

/** People watching right now, read from the room itself: everyone but the host and their self-view. */
export function useViewerCount(): number {
  const room = useRoomContext();
  const remote = useRemoteParticipants();
  const { localParticipant } = useLocalParticipant();
  const others = remote.filter((participant) => isViewer(participant.identity, room.name)).length;
  return others + (isViewer(localParticipant.identity, room.name) ? 1 : 0);
}
