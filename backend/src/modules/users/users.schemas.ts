import { z } from 'zod';
import { multiLineText, singleLineText } from '../../http/text-policy.ts';
import { BIO_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH } from '@streamhouse/contract';

/** A `:username` in a URL; anything that is not a valid username simply matches nobody (404). */
export const usernameParams = z.object({ username: z.string().max(64) });

export const displayNameSchema = singleLineText({ max: DISPLAY_NAME_MAX_LENGTH, min: 1 });

/** Newlines are allowed in a bio; an empty bio is stored as none. */
export const bioSchema = multiLineText({ max: BIO_MAX_LENGTH });

/** Avatars are images uploaded with POST /api/uploads (type and size are checked there); null removes it. */
export const avatarSchema = z
  .string({ error: 'must be an image URL from POST /api/uploads, or null' })
  .regex(
    /^\/api\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be an image URL from POST /api/uploads',
  )
  .nullable();

export const updateProfileBody = z
  .object({ name: displayNameSchema, bio: bioSchema, image: avatarSchema })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of name, bio or image' });

export type ProfileChanges = z.infer<typeof updateProfileBody>;

// ── Responses

export const publicProfile = z
  .strictObject({
    id: z.string(),
    username: z.string(),
    displayUsername: z.string(),
    name: z.string(),
    bio: z.string().nullable(),
    image: z.string().nullable(),
    createdAt: z.iso.datetime(),
    followerCount: z.number().int().min(0),
    followingCount: z.number().int().min(0),
    isLive: z.boolean(),
    /** The stream's title while live. */
    streamTitle: z.string().nullable(),
    /** How the signed-in caller relates to this user; null for anonymous callers. */
    viewer: z.strictObject({ isSelf: z.boolean(), isFollowing: z.boolean(), isBlocking: z.boolean() }).nullable(),
  })
  .meta({ id: 'PublicProfile', description: "A user's public profile, and how the caller relates to them." });

export type PublicProfile = z.infer<typeof publicProfile>;
