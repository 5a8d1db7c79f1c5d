import { prisma } from '../../lib/prisma.ts';
import { invalidatedCache } from '../../lib/invalidated-cache.ts';
import { notFound } from '../../http/errors.ts';
import type { ChatSettings, ChatSettingsChanges } from './chat.schemas.ts';
import { publishSettingsEvent } from './chat-broadcast.service.ts';

const CHAT_SETTINGS_FIELDS = {
  isChatEnabled: true,
  isChatFollowersOnly: true,
  slowModeSeconds: true,
  guestsMayChat: true,
} as const;

/** A creator who never configured a stream has these rules. */
export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  isChatEnabled: true,
  isChatFollowersOnly: false,
  slowModeSeconds: 0,
  guestsMayChat: true,
};

/** A timeout or ban in force (or a timeout that has yet to pass): by identity, and for guests by network too. */
export type Sanction = { identity: string; network: string | null; kind: 'TIMEOUT' | 'BAN'; expiresAt: Date | null };

/** Everything the rules need about a room, read on every message. */
export type ChatRoom = {
  hostId: string;
  hostName: string;
  settings: ChatSettings;
  pinnedMessageId: string | null;
  /** Appointed moderators the creator has not blocked since. */
  moderatorIds: ReadonlySet<string>;
  sanctions: readonly Sanction[];
  /**
   * Where the live chat history begins: the current broadcast's start, or when the last one ended (null: never
   * broadcast). A past broadcast's chat belongs to its replay, under the replay's visibility.
   */
  historySince: Date | null;
};

async function loadRoom(hostId: string): Promise<{ room: ChatRoom | null }> {
  const host = await prisma.user.findUnique({
    where: { id: hostId },
    select: {
      displayUsername: true,
      stream: {
        select: {
          ...CHAT_SETTINGS_FIELDS,
          pinnedMessageId: true,
          sessions: { orderBy: { startedAt: 'desc' }, take: 1, select: { startedAt: true, endedAt: true } },
        },
      },
      moderators: { where: { user: { blockedBy: { none: { blockerId: hostId } } } }, select: { userId: true } },
    },
  });
  if (!host) return { room: null };
  const sanctions = await prisma.chatSanction.findMany({
    where: { hostId, OR: [{ kind: 'BAN' }, { expiresAt: { gt: new Date() } }] },
    select: { identity: true, network: true, kind: true, expiresAt: true },
  });
  const {
    pinnedMessageId = null,
    sessions = [],
    ...settings
  } = host.stream ?? {
    ...DEFAULT_CHAT_SETTINGS,
    pinnedMessageId: null,
    sessions: [],
  };
  const latest = sessions[0];
  return {
    room: {
      hostId,
      hostName: host.displayUsername,
      settings,
      pinnedMessageId,
      moderatorIds: new Set(host.moderators.map((moderator) => moderator.userId)),
      sanctions,
      historySince: latest ? (latest.endedAt ?? latest.startedAt) : null,
    },
  };
}

/**
 * Rooms as every message needs them, held per instance and dropped on every instance (PostgreSQL NOTIFY) when
 * anything in them changes: settings, the pin, moderators, sanctions, a block that ends a moderator's role, or a
 * broadcast starting or ending.
 */
const rooms = invalidatedCache({ channel: 'chat_room', max: 10_000, ttlMs: 60_000, load: loadRoom });

type Executor = Parameters<typeof rooms.invalidate>[0];

/** After any change to a room's rules, moderators or sanctions: every instance reads it afresh. */
export function roomChanged(hostId: string, db: Executor = prisma): Promise<void> {
  return rooms.invalidate(db, hostId);
}

/** The room's rules, moderators and sanctions; 404 when there is no such creator. */
export async function getChatRoom(hostId: string): Promise<ChatRoom> {
  const { room } = await rooms.get(hostId);
  if (!room) throw notFound('No creator with that id.');
  return room;
}

/** Stores the creator's rules and tells every open chat panel in their room. */
export async function updateChatSettings(hostId: string, settings: ChatSettingsChanges): Promise<ChatSettings> {
  const stream = await prisma.stream.upsert({
    where: { userId: hostId },
    create: { userId: hostId, ...settings },
    update: settings,
    select: CHAT_SETTINGS_FIELDS,
  });
  await roomChanged(hostId);
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
  await roomChanged(hostId);
}
