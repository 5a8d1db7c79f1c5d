/**
 * What the server pushes outside request/response: data-channel events in a creator's LiveKit room and live
 * events on GET /api/live/events. Zod schemas, so the backend documents them in its OpenAPI document and
 * the browser gets their types; the frontend imports only types from this file (`import type`), never zod.
 */
import { z } from 'zod';
import { REACTIONS, SLOW_MODE_MAX_SECONDS } from './limits.ts';

/** A badge shown beside a sender's name, from their current role in the room. */
export const senderRole = z.enum(['creator', 'moderator']).nullable().meta({ id: 'SenderRole' });

export const chatMessage = z
  .strictObject({
    id: z.string(),
    /** The LiveKit identity moderation acts on: a user id, or `guest-…` for guests. */
    senderIdentity: z.string(),
    senderName: z.string(),
    /** `#rrggbb`, the same for the same sender every time. */
    color: z.string().regex(/^#[0-9a-f]{6}$/),
    isGuest: z.boolean(),
    role: senderRole,
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ChatMessage', description: 'A chat message as everyone in the room sees it.' });

export const chatSettings = z
  .strictObject({
    isChatEnabled: z.boolean(),
    isChatFollowersOnly: z.boolean(),
    slowModeSeconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS),
    /** Whether guests (no account) may chat; reading is always open. */
    guestsMayChat: z.boolean(),
  })
  .meta({ id: 'ChatSettings', description: "A creator's chat rules." });

/** Topic `chat` (reliable): everything that changes the message list, pin or a participant's standing. */
export const chatEvent = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('message'), message: chatMessage }),
    /** Several messages at once, in order: a busy room's messages share packets. */
    z.strictObject({ type: z.literal('messages'), messages: z.array(chatMessage) }),
    z.strictObject({ type: z.literal('delete'), messageId: z.string() }),
    z.strictObject({ type: z.literal('clear') }),
    z.strictObject({ type: z.literal('pin'), message: chatMessage.nullable() }),
    /** Only to the sanctioned participant. */
    z.strictObject({ type: z.literal('timeout'), expiresAt: z.iso.datetime() }),
    /** Only to the participant whose role changed. */
    z.strictObject({ type: z.literal('role'), canModerate: z.boolean() }),
  ])
  .meta({ id: 'ChatEvent', description: 'Data-channel topic `chat` (reliable).' });

/** Topic `chat-settings` (reliable). */
export const settingsEvent = z
  .strictObject({ type: z.literal('settings'), settings: chatSettings })
  .meta({ id: 'SettingsEvent', description: 'Data-channel topic `chat-settings` (reliable).' });

/** Topic `reaction` (lossy): one reaction, or several that arrived together (a busy room shares packets). */
export const reactionEvent = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('reaction'), id: z.string(), reaction: z.enum(REACTIONS) }),
    z.strictObject({ type: z.literal('reactions'), reactions: z.array(z.enum(REACTIONS)) }),
  ])
  .meta({ id: 'ReactionEvent', description: 'Data-channel topic `reaction` (lossy).' });

/** GET /api/live/events: a stream went live or offline, or its viewer count or title changed. Public data only. */
export const liveEvent = z
  .strictObject({
    type: z.enum(['stream.live', 'stream.offline', 'stream.updated']),
    hostId: z.string(),
    username: z.string(),
    isLive: z.boolean(),
    viewerCount: z.number().int().min(0),
    startedAt: z.iso.datetime().nullable(),
    title: z.string(),
  })
  .meta({ id: 'LiveEvent', description: 'One server-sent event on GET /api/live/events (the `data:` line, JSON).' });

/** One in-app notification, as GET /api/notifications lists it and the event stream pushes it to its owner. */
export const notification = z
  .strictObject({
    id: z.string(),
    /** `go_live`: a creator you follow; `reminder`: one you asked to be reminded of (Remind me). */
    kind: z.enum(['go_live', 'reminder']),
    /** The stream title when the creator went live. */
    title: z.string(),
    host: z.strictObject({ id: z.string(), username: z.string(), name: z.string(), image: z.string().nullable() }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification', description: 'A followed creator went live (once per broadcast). Links to /:username/live.' });

/**
 * GET /api/live/events?notifications=only (signed in): a notification for the signed-in user, sent only to that
 * user's own connections, with their unread count after it.
 */
export const notificationEvent = z
  .strictObject({ type: z.literal('notification'), notification, unreadCount: z.number().int().min(0) })
  .meta({ id: 'NotificationEvent', description: 'One server-sent event on GET /api/live/events?notifications=only (JSON).' });

export type Notification = z.infer<typeof notification>;
export type NotificationEvent = z.infer<typeof notificationEvent>;
export type SenderRole = z.infer<typeof senderRole>;
export type ChatMessage = z.infer<typeof chatMessage>;
export type ChatSettings = z.infer<typeof chatSettings>;
export type ChatEvent = z.infer<typeof chatEvent>;
export type SettingsEvent = z.infer<typeof settingsEvent>;
export type ReactionEvent = z.infer<typeof reactionEvent>;
export type LiveEvent = z.infer<typeof liveEvent>;
export type LiveEventType = LiveEvent['type'];
