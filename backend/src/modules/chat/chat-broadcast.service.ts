import { DataPacket_Kind } from 'livekit-server-sdk';
import { LRUCache } from 'lru-cache';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { TOPICS } from '@streamhouse/contract';
import type { ChatEvent, ReactionEvent, SettingsEvent } from '@streamhouse/contract/events';
import { packets, type Outgoing } from './chat-packets.ts';

/**
 * Everything the backend tells a room goes through here. Events are queued per room and sent in order; while
 * one `sendData` is on its way, what arrives meanwhile waits and goes in the next one, with consecutive chat
 * messages merged into one `messages` event and reactions into one `reactions` event. A busy room therefore
 * costs LiveKit a few calls a second however fast its chat runs (one call per message stopped answering at a
 * few hundred messages a second), and a quiet room still gets each event within milliseconds.
 *
 * The database is the record and already holds every change, so a failed publish is logged rather than failing
 * the request; panels load state and history when they (re)connect.
 */

type RoomQueue = { pending: Outgoing[]; sent: Array<() => void>; flushing: boolean };

/** Events arriving this close together share a packet, even in a quiet room. */
const GATHER_MS = 5;
const RETRY_DELAYS_MS = [50, 200, 600];

const encoder = new TextEncoder();
const queues = new Map<string, RoomQueue>();
/** Rooms LiveKit said were running; asking costs a round trip, sending to a room that is not costs a 3 s timeout. */
const runningRooms = new LRUCache<string, true>({ max: 10_000, ttl: 2000 });

async function isRoomRunning(hostId: string): Promise<boolean> {
  if (runningRooms.has(hostId)) return true;
  const running = (await roomService.listRooms([hostId])).length > 0;
  if (running) runningRooms.set(hostId, true);
  return running;
}

async function send(hostId: string, packet: Outgoing): Promise<void> {
  const bytes = encoder.encode(JSON.stringify(packet.event));
  for (let attempt = 0; ; attempt++) {
    try {
      await roomService.sendData(hostId, bytes, packet.kind, { topic: packet.topic, destinationIdentities: packet.to });
      return;
    } catch (error) {
      // LiveKit answers "no response from servers" when its room node is momentarily busy: worth a short retry.
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || packet.kind === DataPacket_Kind.LOSSY) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function flush(hostId: string, queue: RoomQueue): Promise<void> {
  queue.flushing = true;
  await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
  while (queue.pending.length) {
    const events = queue.pending.splice(0);
    const sent = queue.sent.splice(0);
    try {
      if (await isRoomRunning(hostId)) for (const packet of packets(events)) await send(hostId, packet);
    } catch (error) {
      logger.error({ err: error, hostId, events: events.length }, 'could not publish chat events to the room');
    }
    for (const done of sent) done();
  }
  queue.flushing = false;
  queues.delete(hostId);
}

/** Queues an event for the room; resolves once it was handed to LiveKit (or given up on). */
function publish(hostId: string, outgoing: Outgoing): Promise<void> {
  let queue = queues.get(hostId);
  if (!queue) {
    queue = { pending: [], sent: [], flushing: false };
    queues.set(hostId, queue);
  }
  queue.pending.push(outgoing);
  const done = new Promise<void>((resolve) => queue.sent.push(resolve));
  if (!queue.flushing) void flush(hostId, queue);
  return done;
}

/** To everyone in the room, or only to `to` (identities). */
export function publishChatEvent(hostId: string, event: ChatEvent, to?: string[]): Promise<void> {
  return publish(hostId, { topic: TOPICS.chat, kind: DataPacket_Kind.RELIABLE, event, to });
}

export function publishSettingsEvent(hostId: string, event: SettingsEvent): Promise<void> {
  return publish(hostId, { topic: TOPICS.settings, kind: DataPacket_Kind.RELIABLE, event });
}

export function publishReactionEvent(hostId: string, event: ReactionEvent): Promise<void> {
  return publish(hostId, { topic: TOPICS.reaction, kind: DataPacket_Kind.LOSSY, event });
}
