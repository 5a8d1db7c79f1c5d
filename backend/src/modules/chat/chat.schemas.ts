import { z } from 'zod';
import { singleLineText } from '../../http/text-policy.ts';
import { MESSAGE_MAX_LENGTH, REACTIONS, SLOW_MODE_MAX_SECONDS, TIMEOUT_MAX_MINUTES } from '@streamhouse/contract';
import { chatMessage, chatSettings } from '@streamhouse/contract/events';
import { guestNameSchema } from '../tokens/tokens.schemas.ts';

export { chatMessage, chatSettings };
export type { ChatMessage, ChatSettings } from '@streamhouse/contract/events';
export type { Reaction } from '@streamhouse/contract';

/** Control characters, disguising bidi overrides and invisible-only text never reach other viewers. */
const messageBody = singleLineText({ max: MESSAGE_MAX_LENGTH, min: 1 });

const id = z.string().trim().min(1).max(64);

/** A LiveKit identity from this site: a user id or `guest-{timestamp}-{random}`. */
const identity = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not a chat identity');

export const hostParams = z.object({ hostId: id });
export const messageParams = z.object({ hostId: id, messageId: id });
export const moderatorParams = z.object({ hostId: id, userId: id });

export const sendMessageBody = z
  .object({
    body: messageBody,
    /** A guest's chosen name (same rules as a guest token's name); ignored for signed-in senders. */
    guestName: guestNameSchema.optional(),
  })
  .strict();

export const historyQuery = z
  .object({
    /** Messages older than this message id. */
    before: id.optional(),
    limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
  })
  .strict();

export const pinBody = z.object({ messageId: id }).strict();

export const timeoutBody = z
  .object({ identity, minutes: z.number().int('must be a whole number').min(1).max(TIMEOUT_MAX_MINUTES) })
  .strict();

export const banBody = z.object({ identity }).strict();

export const addModeratorBody = z
  .object({ userId: id.optional(), username: z.string().trim().min(1).max(64).optional() })
  .strict()
  .refine((body) => Boolean(body.userId) !== Boolean(body.username), { message: 'give exactly one of userId or username' });

export const reactionBody = z.object({ reaction: z.enum(REACTIONS) }).strict();

export const chatSettingsBody = z
  .object({
    isChatEnabled: z.boolean(),
    isChatFollowersOnly: z.boolean(),
    slowModeSeconds: z.number().int('must be a whole number').min(0).max(SLOW_MODE_MAX_SECONDS),
    /** Left out: unchanged (clients from before the setting existed keep working). */
    guestsMayChat: z.boolean().optional(),
  })
  .strict();

export type HistoryQuery = z.infer<typeof historyQuery>;
export type ChatSettingsChanges = z.infer<typeof chatSettingsBody>;
export type AddModeratorBody = z.infer<typeof addModeratorBody>;

// ── Responses

export const chatRestriction = z
  .strictObject({ reason: z.enum(['BLOCKED', 'BANNED', 'TIMED_OUT']), expiresAt: z.iso.datetime().nullable() })
  .meta({
    id: 'ChatRestriction',
    description: 'Why this viewer may not chat: blocked by the creator, banned, or timed out until `expiresAt`.',
  });

export const chatViewer = z
  .strictObject({
    identity: z.string(),
    name: z.string(),
    isGuest: z.boolean(),
    isOwner: z.boolean(),
    canModerate: z.boolean(),
    isFollowing: z.boolean(),
    restriction: chatRestriction.nullable(),
    /** Slow mode time left from this viewer's last message. */
    slowModeRetryAfterMs: z.number().int().min(0),
  })
  .meta({ id: 'ChatViewer', description: 'Where the caller stands in this chat.' });

export const chatState = z
  .strictObject({ settings: chatSettings, pinned: chatMessage.nullable(), viewer: chatViewer.nullable() })
  .meta({ id: 'ChatState', description: 'The rules, the pinned message, and the caller (null when anonymous).' });

export const chatHistory = z
  .strictObject({ messages: z.array(chatMessage), hasMore: z.boolean() })
  .meta({ id: 'ChatHistory', description: 'Messages oldest first; `hasMore` when older ones exist.' });

export const sentMessage = z
  .strictObject({ message: chatMessage })
  .meta({ description: 'The stored message, as the room receives it' });
export const reactionSent = z
  .strictObject({ sent: z.literal(true) })
  .meta({ description: 'Sent to the room (reactions are not stored)' });
export const messageDeleted = z.strictObject({ deleted: z.literal(true) }).meta({ description: 'Removed for everyone' });
export const chatCleared = z
  .strictObject({ cleared: z.number().int().min(0) })
  .meta({ description: 'How many messages were removed' });
export const pinnedMessage = z.strictObject({ pinned: chatMessage }).meta({ description: 'The message now pinned' });
export const unpinned = z.strictObject({ pinned: z.null() }).meta({ description: 'Nothing is pinned now' });
export const timedOut = z.strictObject({ expiresAt: z.iso.datetime() }).meta({ description: 'Silenced until then' });
export const banned = z
  .strictObject({ banned: z.literal(true) })
  .meta({ description: 'Banned (a signed-in user is blocked by the creator)' });

export const moderatorView = z
  .strictObject({
    id: z.string(),
    username: z.string(),
    displayUsername: z.string(),
    name: z.string(),
    image: z.string().nullable(),
  })
  .meta({ id: 'Moderator' });
export const moderatorList = z
  .strictObject({ moderators: z.array(moderatorView) })
  .meta({ description: 'In the order they were appointed' });
export const moderatorAdded = z.strictObject({ moderator: moderatorView }).meta({ description: 'Appointed (again)' });
export const moderatorRemoved = z.strictObject({ removed: z.literal(true) }).meta({ description: 'No longer a moderator' });

export type ChatViewerState = z.infer<typeof chatViewer>;
export type ChatState = z.infer<typeof chatState>;
export type ModeratorView = z.infer<typeof moderatorView>;
