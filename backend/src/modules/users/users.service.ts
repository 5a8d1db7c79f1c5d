import { prisma } from '../../lib/prisma.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { USERNAME_PATTERN } from '@streamhouse/contract';
import { isUploadOwnedBy } from '../uploads/uploads.service.ts';
import { followCounts, relationship } from '../social/social.service.ts';
import type { ProfileChanges, PublicProfile } from './users.schemas.ts';
import { publicChannelChanged } from '../discovery/discovery.service.ts';

export type UserRef = { id: string; username: string; displayUsername: string };

/** Finds a user by username, whatever its case; 404 when nobody has it. */
export async function requireUserByUsername(username: string): Promise<UserRef> {
  const user = USERNAME_PATTERN.test(username)
    ? await prisma.user.findUnique({
        where: { username: username.toLowerCase() },
        select: { id: true, username: true, displayUsername: true },
      })
    : null;
  if (!user) throw notFound(`There is no one called "${username}" here.`);
  return user;
}

/** The account a sign-in attempt names (by username or email), if any: attempts are counted per account. */
export async function findUserIdBySignInName(name: string): Promise<string | undefined> {
  const normalized = name.trim().toLowerCase();
  const user = await prisma.user.findFirst({
    where: normalized.includes('@') ? { email: normalized } : { username: normalized },
    select: { id: true },
  });
  return user?.id;
}

export async function getPublicProfile(username: string, viewerId?: string): Promise<PublicProfile> {
  const ref = await requireUserByUsername(username);
  const [user, counts, viewer] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: ref.id },
      select: {
        id: true,
        username: true,
        displayUsername: true,
        name: true,
        bio: true,
        image: true,
        createdAt: true,
        stream: { select: { isLive: true, title: true } },
      },
    }),
    followCounts(ref.id),
    viewerId ? relationship(viewerId, ref.id) : undefined,
  ]);
  const { stream, createdAt, ...fields } = user;
  return {
    ...fields,
    createdAt: createdAt.toISOString(),
    ...counts,
    isLive: stream?.isLive ?? false,
    streamTitle: stream?.isLive ? stream.title || null : null,
    viewer: viewerId && viewer ? { isSelf: viewerId === ref.id, ...viewer } : null,
  };
}

export async function updateProfile(userId: string, changes: ProfileChanges): Promise<void> {
  if (changes.image) {
    const uploadId = changes.image.split('/').at(-1)!;
    if (!(await isUploadOwnedBy(uploadId, userId)))
      throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — image: upload the image first (POST /api/uploads).', {
        fields: [{ path: 'image', message: 'upload the image first (POST /api/uploads)' }],
      });
  }
  const user = await prisma.user.update({ where: { id: userId }, data: changes, select: { username: true } });
  await publicChannelChanged(user.username);
}
