import { afterAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser } from '../../test/fixtures.ts';
import type { ChatSettings } from './chat.schemas.ts';

/** Chat rows have no foreign key to the host: remove the ones a test file's hosts collected. */
const hostIds: string[] = [];
export function cleanUpChatOf(hostId: string): void {
  hostIds.push(hostId);
}
afterAll(async () => {
  await prisma.chatMessage.deleteMany({ where: { hostId: { in: hostIds } } });
  await prisma.chatSanction.deleteMany({ where: { hostId: { in: hostIds } } });
});

/** A creator as a plain row (no session: signing up hashes a password, which is slow); their chat is cleaned up. */
export async function createHost(prefix = 'host') {
  const host = await createTestUser(prefix);
  cleanUpChatOf(host.id);
  return host;
}

/** Sets a room's rules directly (the settings endpoint has its own tests). */
export async function setRules(hostId: string, rules: Partial<ChatSettings>): Promise<void> {
  await prisma.stream.upsert({ where: { userId: hostId }, create: { userId: hostId, ...rules }, update: rules });
}

export async function appointModerator(hostId: string, userId: string): Promise<void> {
  await prisma.chatModerator.create({ data: { hostId, userId } });
}

export type JoinToken = { token: string; identity: string; name: string; wsUrl: string };

/** A guest's room token, exactly as the watch page gets it. */
export async function guestToken(app: Express, hostId: string): Promise<JoinToken> {
  const response = await request(app).post('/api/viewer/token').send({ hostId });
  if (response.status !== 200) throw new Error(`guest token: ${response.status}`);
  return response.body as JoinToken;
}

export const bearer = (token: JoinToken) => `Bearer ${token.token}`;

/** A participant connected with rtc-node that records every data packet it receives. */
export type Listener = {
  room: Room;
  received: Array<{ topic: string | undefined; from: string | undefined; event: { type: string } & Record<string, unknown> }>;
  /** Resolves with the first event on `topic` matching `match`. */
  waitFor: (topic: string, match: (event: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
};

const rooms: Room[] = [];
afterAll(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
  await dispose();
});

export async function joinAndListen(token: JoinToken): Promise<Listener> {
  const room = new Room();
  rooms.push(room);
  const received: Listener['received'] = [];
  const waiters: Array<() => void> = [];
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    received.push({ topic, from: participant?.identity, event: JSON.parse(new TextDecoder().decode(payload)) });
    for (const wake of waiters.splice(0)) wake();
  });
  await room.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
  const waitFor: Listener['waitFor'] = (topic, match) =>
    new Promise((resolve) => {
      const check = () => {
        const hit = received.find((packet) => packet.topic === topic && match(packet.event));
        if (hit) resolve(hit.event);
        else waiters.push(check);
      };
      check();
    });
  return { room, received, waitFor };
}
