import { DataPacket_Kind } from 'livekit-server-sdk';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { TOPICS } from '@streamhouse/contract';
import type { ChatEvent, ReactionEvent, SettingsEvent } from '@streamhouse/contract/events';

const encoder = new TextEncoder();

/** LiveKit answers sendData to a room that is not running only after a 3 s timeout; asking first takes ~2 ms. */
async function isRoomRunning(hostId: string): Promise<boolean> {
  return (await roomService.listRooms([hostId])).length > 0;
}

/**
 * Publishes an event to the host's room. The database is the record and already holds the change, so a
 * failed publish is logged rather than failing the request (a retry would store it twice); panels load
 * state and history when they (re)connect. A room that is not running has nobody to tell.
 */
async function publish(hostId: string, topic: string, event: unknown, kind: DataPacket_Kind, to?: string[]): Promise<void> {
  try {
    if (!(await isRoomRunning(hostId))) return;
    await roomService.sendData(hostId, encoder.encode(JSON.stringify(event)), kind, { topic, destinationIdentities: to });
  } catch (error) {
    logger.error({ err: error, hostId, topic }, 'could not publish a chat event to the room');
  }
}

/** To everyone in the room, or only to `to` (identities). */
export function publishChatEvent(hostId: string, event: ChatEvent, to?: string[]): Promise<void> {
  return publish(hostId, TOPICS.chat, event, DataPacket_Kind.RELIABLE, to);
}

export function publishSettingsEvent(hostId: string, event: SettingsEvent): Promise<void> {
  return publish(hostId, TOPICS.settings, event, DataPacket_Kind.RELIABLE);
}

export function publishReactionEvent(hostId: string, event: ReactionEvent): Promise<void> {
  return publish(hostId, TOPICS.reaction, event, DataPacket_Kind.LOSSY);
}
