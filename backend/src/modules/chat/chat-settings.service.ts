import { prisma } from '../../lib/prisma.ts';
import { notFound } from '../../http/errors.ts';
import type { ChatSettings, ChatSettingsChanges } from './chat.schemas.ts';
import { publishSettingsEvent } from './chat-broadcast.service.ts';

const CHAT_SETTINGS_FIELDS = { isChatEnabled: true, isChatFollowersOnly: true, slowModeSeconds: true, guestsMayChat: true } as const;

/** A creator who never configured a stream has these rules. */
export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  isChatEnabled: true,
  isChatFollowersOnly: false,
  slowModeSeconds: 0,
  guestsMayChat: true,
};

export type ChatRoom = { hostId: string; hostName: string; settings: ChatSettings; pinnedMessageId: string | null };

/** The room's rules; 404 when there is no such creator. */
export async function getChatRoom(hostId: string): Promise<ChatRoom> {
  const host = await prisma.user.findUnique({
    where: { id: hostId },
    select: {
      displayUsername: true,
      stream: { select: { ...CHAT_SETTINGS_FIELDS, pinnedMessageId: true } },
    },
  });
  if (!host) throw notFound('No creator with that id.');
  const { pinnedMessageId = null, ...settings } = host.stream ?? { ...DEFAULT_CHAT_SETTINGS, pinnedMessageId: null };
  return { hostId, hostName: host.displayUsername, settings, pinnedMessageId };
}

/** Stores the creator's rules and tells every open chat panel in their room. */
export async function updateChatSettings(hostId: string, settings: ChatSettingsChanges): Promise<ChatSettings> {
  const stream = await prisma.stream.upsert({
    where: { userId: hostId },
    create: { userId: hostId, ...settings },
    update: settings,
    select: CHAT_SETTINGS_FIELDS,
  });
  await publishSettingsEvent(hostId, { type: 'settings', settings: stream });
  return stream;
}

/** Sets or clears the pinned message (the Stream row may not exist yet). */
export async function setPinnedMessageId(hostId: string, messageId: string | null): Promise<void> {
  await prisma.stream.upsert({
    where: { userId: hostId },
    create: { userId: hostId, pinnedMessageId: messageId },
    update: { pinnedMessageId: messageId },
  });
}
