import { ServerError } from 'livekit-server-sdk';
import { roomService } from '../../lib/livekit.ts';
import { isViewerIdentity } from '@streamhouse/contract';

/** ParticipantInfo_Kind.STANDARD (the SDK does not re-export the enum): people, not ingress, egress or agents. */
const STANDARD_PARTICIPANT = 0;

/** What LiveKit itself says about a creator's room (room name = host user id). */
export type RoomState = {
  /** The host (browser publisher or ingress, both with identity = user id) has at least one published track. */
  hostPublishing: boolean;
  /** Identities of the people watching: everyone but the host and the host's self-preview. */
  viewers: string[];
};

const EMPTY_ROOM: RoomState = { hostPublishing: false, viewers: [] };

/** A person watching: not the host (browser or ingress, identity = user id), not the host's self-preview, not a bot. */
export function isViewer(participant: { identity: string; kind: number }, hostId: string): boolean {
  return participant.kind === STANDARD_PARTICIPANT && isViewerIdentity(participant.identity, hostId);
}

export async function readRoomState(hostId: string): Promise<RoomState> {
  let participants;
  try {
    participants = await roomService.listParticipants(hostId);
  } catch (error) {
    // No room means nobody is there; any other failure must surface (a webhook then answers 5xx and is retried).
    if (error instanceof ServerError && error.code === 'not_found') return EMPTY_ROOM;
    throw error;
  }
  const host = participants.find((participant) => participant.identity === hostId);
  const viewers = participants.filter((participant) => isViewer(participant, hostId)).map((participant) => participant.identity);
  return { hostPublishing: Boolean(host && host.tracks.length > 0), viewers: [...new Set(viewers)] };
}

/** Names of every room LiveKit has open right now. */
export async function listOpenRooms(): Promise<string[]> {
  const rooms = await roomService.listRooms();
  return rooms.map((room) => room.name);
}
