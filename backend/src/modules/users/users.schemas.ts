import { z } from 'zod';

/** A `:username` in a URL; anything that is not a valid username simply matches nobody (404). */
export const usernameParams = z.object({ username: z.string().max(64) });

/** Control characters and bidirectional overrides (used to disguise text) are refused in names and bios. */
const UNSAFE_CHARACTER = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_CHARACTER_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

export const displayNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .refine((name) => !UNSAFE_CHARACTER.test(name), 'must not contain control characters');

export const BIO_MAX_LENGTH = 300;

/** Newlines are allowed in a bio; an empty bio is stored as none. */
export const bioSchema = z
  .string({ error: 'must be text or null' })
  .trim()
  .transform((bio) => bio.replace(/\r\n?/g, '\n'))
  .pipe(
    z
      .string()
      .max(BIO_MAX_LENGTH, `must be at most ${BIO_MAX_LENGTH} characters`)
      .refine((bio) => !UNSAFE_CHARACTER_EXCEPT_NEWLINE.test(bio), 'must not contain control characters'),
  )
  .transform((bio) => bio || null)
  .nullable();

/** Avatars are images uploaded with POST /api/uploads (type and size are checked there); null removes it. */
export const avatarSchema = z
  .string({ error: 'must be an image URL from POST /api/uploads, or null' })
  .regex(/^\/api\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an image URL from POST /api/uploads')
  .nullable();

export const updateProfileBody = z
  .object({ name: displayNameSchema, bio: bioSchema, image: avatarSchema })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one of name, bio or image' });

export type ProfileChanges = z.infer<typeof updateProfileBody>;
