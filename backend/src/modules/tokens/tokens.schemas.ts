import { VIEWER_SOURCES } from '@streamhouse/contract';
import { z } from 'zod';
import { hasVisibleText } from '../../http/text-policy.ts';
import { GUEST_NAME_MAX_LENGTH, GUEST_NAME_MIN_LENGTH, GUEST_NAME_PATTERN } from '@streamhouse/contract';

export const guestNameSchema = z
  .string()
  .trim()
  .min(GUEST_NAME_MIN_LENGTH, `must be at least ${GUEST_NAME_MIN_LENGTH} characters`)
  .max(GUEST_NAME_MAX_LENGTH, `must be at most ${GUEST_NAME_MAX_LENGTH} characters`)
  .regex(GUEST_NAME_PATTERN, 'may use letters, digits, spaces, _ . and -')
  .refine(hasVisibleText, 'must contain visible characters');

export const viewerTokenBody = z
  .object({
    hostId: z.string().trim().min(1).max(64).optional(),
    username: z.string().trim().min(1).max(64).optional(),
    guestName: guestNameSchema.optional(),
    /** Where the viewer opened the stream from, for the creator's analytics. */
    source: z.enum(VIEWER_SOURCES, { error: `source must be one of ${VIEWER_SOURCES.join(', ')}` }).optional(),
  })
  .strict()
  .refine((body) => Boolean(body.hostId) !== Boolean(body.username), {
    message: 'give exactly one of hostId or username',
  });

export type ViewerTokenBody = z.infer<typeof viewerTokenBody>;

/** A LiveKit join token for a creator's room (room = the creator's user id), and where to connect. */
export const roomToken = z
  .strictObject({
    token: z.string(),
    /** Who the holder is in the room: a user id, `guest-…`, or `Host-{userId}` for the creator watching themselves. */
    identity: z.string(),
    name: z.string(),
    /** The LiveKit server's WebSocket URL. */
    wsUrl: z.string(),
  })
  .meta({ id: 'RoomToken', description: "A LiveKit token for a creator's room, and where to connect." });

export type RoomToken = z.infer<typeof roomToken>;
