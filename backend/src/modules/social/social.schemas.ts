import { z } from 'zod';

export type FollowingCursor = { followedAt: Date; id: string };
export type FollowingPage = { limit: number; cursor?: FollowingCursor };

/** Opaque to clients: `<followedAt ms>_<user id>`. */
export function encodeFollowingCursor(user: { followedAt: string; id: string }): string {
  return `${Date.parse(user.followedAt)}_${user.id}`;
}

const followingCursor = z
  .string()
  .regex(/^\d{1,15}_[A-Za-z0-9-]{1,64}$/, 'is not a cursor from a previous page')
  .transform((cursor): FollowingCursor => {
    const separator = cursor.indexOf('_');
    return { followedAt: new Date(Number(cursor.slice(0, separator))), id: cursor.slice(separator + 1) };
  });

export const followingQuery = z
  .object({
    limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
    cursor: followingCursor.optional(),
  })
  .strict();

/** Follow and block routes take no body; anything sent is a mistake worth reporting. */
export const emptyBody = z.object({}).strict();
