import { DataPacket_Kind } from 'livekit-server-sdk';
import { LRUCache } from 'lru-cache';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { TOPICS } from '@streamhouse/contract';
import type { ChatEvent, ChatMessage, ReactionEvent, SettingsEvent } from '@streamhouse/contract/events';

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

type Outgoing = { topic: string; kind: DataPacket_Kind; event: ChatEvent | SettingsEvent | ReactionEvent; to?: string[] };
type RoomQueue = { pending: Outgoing[]; sent: Array<() => void>; flushing: boolean };

/** Events arriving this close together share a packet, even in a quiet room. */
const GATHER_MS = 5;
/** LiveKit's advice for reliable data packets: stay under about 15 KB. */
const MAX_PACKET_BYTES = 14 * 1024;
/** Reactions are lossy by design: a room shows at most this many per packet, the rest float away unseen. */
const MAX_REACTIONS_PER_PACKET = 40;
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

const sameTarget = (a: Outgoing, b: Outgoing) =>
  a.topic === b.topic && a.kind === b.kind && (a.to ?? []).join() === (b.to ?? []).join();

/** Consecutive messages (and reactions) to the same audience merged, every packet within the size bound. */
function packets(events: Outgoing[]): Outgoing[] {
  const merged: Outgoing[] = [];
  for (const outgoing of events) {
    const last = merged.at(-1);
    const event = outgoing.event;
    if (last && sameTarget(last, outgoing) && (event.type === 'message' || event.type === 'messages')) {
      const previous = last.event;
      if (previous.type === 'message' || previous.type === 'messages') {
        const messages: ChatMessage[] = [
          ...(previous.type === 'message' ? [previous.message] : previous.messages),
          ...(event.type === 'message' ? [event.message] : event.messages),
        ];
        const candidate: ChatEvent = { type: 'messages', messages };
        if (JSON.stringify(candidate).length <= MAX_PACKET_BYTES) {
          last.event = candidate;
          continue;
        }
      }
    }
    if (last && sameTarget(last, outgoing) && event.type === 'reaction') {
      const previous = last.event;
      if (previous.type === 'reaction' || previous.type === 'reactions') {
        const reactions = previous.type === 'reaction' ? [previous.reaction] : previous.reactions;
        if (reactions.length < MAX_REACTIONS_PER_PACKET)
          last.event = { type: 'reactions', reactions: [...reactions, event.reaction] };
        continue;
      }
    }
    merged.push({ ...outgoing });
  }
  return merged;
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
