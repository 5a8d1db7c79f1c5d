import { describe, expect, it } from 'vitest';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { MESSAGE_MAX_LENGTH, TOPICS } from '@streamhouse/contract';
import type { ChatMessage } from '@streamhouse/contract/events';
import { MAX_PACKET_BYTES, packetBytes, packets, type Outgoing } from './chat-packets.ts';

const outgoing = (index: number, body: string): Outgoing => {
  const message: ChatMessage = {
    id: `message-${index}`,
    senderIdentity: `guest-${index}`,
    senderName: `Viewer ${index}`,
    color: '#123456',
    isGuest: true,
    role: null,
    body,
    createdAt: new Date(1_700_000_000_000 + index).toISOString(),
  };
  return { topic: TOPICS.chat, kind: DataPacket_Kind.RELIABLE, event: { type: 'message', message } };
};

const idsIn = (merged: Outgoing[]) =>
  merged.flatMap(({ event }) =>
    event.type === 'messages' ? event.messages.map((message) => message.id) : event.type === 'message' ? [event.message.id] : [],
  );

describe('chat packets for the room', () => {
  it.each([
    ['Latin', 'a'],
    ['CJK (3 bytes each)', '漢'],
    ['emoji (4 bytes each)', '🎉'],
  ])(
    'keep every packet of full-length %s messages within the data-packet size in bytes, all messages in order',
    (_, character) => {
      const events = Array.from({ length: 60 }, (_, index) => outgoing(index, character.repeat(MESSAGE_MAX_LENGTH)));
      const merged = packets(events);
      expect(merged.length).toBeLessThan(events.length);
      for (const packet of merged) expect(packetBytes(packet.event)).toBeLessThanOrEqual(MAX_PACKET_BYTES);
      expect(idsIn(merged)).toEqual(events.map((_, index) => `message-${index}`));
    },
  );

  it('counts bytes, not characters: emoji packets hold fewer messages than Latin ones of the same length', () => {
    const count = (character: string) =>
      packets(Array.from({ length: 60 }, (_, index) => outgoing(index, character.repeat(MESSAGE_MAX_LENGTH)))).length;
    expect(count('🎉')).toBeGreaterThan(count('a'));
  });
});
