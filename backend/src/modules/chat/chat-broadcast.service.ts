import { DataPacket_Kind, TwirpError } from 'livekit-server-sdk';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { TOPICS, type ChatEvent, type ReactionEvent, type SettingsEvent } from './chat.events.ts';

const encoder = new TextEncoder();

/**
 * Publishes an event to the host's room. The database is the record and already holds the change, so a
 * failed publish is logged rather than failing the request (a retry would store it twice); panels catch up
 * from history when they reconnect. An empty room (nobody connected) is simply nobody to tell.
 */
async function publish(hostId: string, topic: string, event: unknown, kind: DataPacket_Kind, to?: string[]): Promise<void> {
  try {
    await roomService.sendData(hostId, encoder.encode(JSON.stringify(event)), kind, { topic, destinationIdentities: to });
  } catch (error) {
    if (error instanceof TwirpError && (error.code === 'not_found' || error.status === 404)) return;
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
