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

// ── Responses

export const userSummary = z
  .strictObject({
    id: z.string(),
    username: z.string(),
    displayUsername: z.string(),
    name: z.string(),
    image: z.string().nullable(),
  })
  .meta({ id: 'UserSummary' });

export const followedUser = userSummary
  .extend({ isLive: z.boolean(), followedAt: z.iso.datetime() })
  .meta({ id: 'FollowedUser' });

export const blockedUser = userSummary.extend({ blockedAt: z.iso.datetime() }).meta({ id: 'BlockedUser' });

export const followState = z
  .strictObject({ following: z.boolean(), followerCount: z.number().int().min(0) })
  .meta({ id: 'FollowState', description: 'Whether the caller follows them now, and their follower count.' });

export const blockState = z
  .strictObject({ blocked: z.boolean() })
  .meta({ id: 'BlockState', description: 'Whether the caller blocks them now.' });

export const followingPage = z
  .strictObject({
    users: z.array(followedUser),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'FollowingPage', description: 'Newest follows first.' });

export const blockedList = z
  .strictObject({ users: z.array(blockedUser) })
  .meta({ id: 'BlockedList', description: 'Newest blocks first.' });

export type FollowedUser = z.infer<typeof followedUser>;
export type BlockedUser = z.infer<typeof blockedUser>;
