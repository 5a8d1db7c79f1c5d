import type { DataPacket_Kind } from 'livekit-server-sdk';
import type { ChatEvent, ChatMessage, ReactionEvent, SettingsEvent } from '@streamhouse/contract/events';

export type Outgoing = { topic: string; kind: DataPacket_Kind; event: ChatEvent | SettingsEvent | ReactionEvent; to?: string[] };

/** LiveKit's advice for reliable data packets: stay under about 15 KB (bytes on the wire, not characters). */
export const MAX_PACKET_BYTES = 14 * 1024;
/** Reactions are lossy by design: a room shows at most this many per packet, the rest float away unseen. */
const MAX_REACTIONS_PER_PACKET = 40;

/** What the packet weighs once sent: JSON encoded as UTF-8 (a CJK character is 3 bytes, an emoji 4). */
export const packetBytes = (event: Outgoing['event']) => Buffer.byteLength(JSON.stringify(event), 'utf8');

const sameTarget = (a: Outgoing, b: Outgoing) =>
  a.topic === b.topic && a.kind === b.kind && (a.to ?? []).join() === (b.to ?? []).join();

/** Consecutive messages (and reactions) to the same audience merged, every packet within the size bound. */
export function packets(events: Outgoing[]): Outgoing[] {
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
        if (packetBytes(candidate) <= MAX_PACKET_BYTES) {
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
