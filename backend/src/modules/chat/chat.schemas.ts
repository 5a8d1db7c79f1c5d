import { z } from 'zod';
import { singleLineText } from '../../http/text-policy.ts';
import { guestNameSchema } from '../tokens/tokens.schemas.ts';

const MESSAGE_MAX_LENGTH = 500;
const SLOW_MODE_MAX_SECONDS = 600;
const TIMEOUT_MAX_MINUTES = 1440;
const REACTIONS = ['like', 'love', 'fire', 'clap', 'wow'] as const;
export type Reaction = (typeof REACTIONS)[number];

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

export const emptyBody = z.object({}).strict();

export type HistoryQuery = z.infer<typeof historyQuery>;
export type ChatSettingsChanges = z.infer<typeof chatSettingsBody>;
export type ChatSettings = Required<ChatSettingsChanges>;
export type AddModeratorBody = z.infer<typeof addModeratorBody>;
