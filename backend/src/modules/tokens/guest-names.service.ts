import { LRUCache } from 'lru-cache';
import { prisma } from '../../lib/prisma.ts';
import { AppError } from '../../http/errors.ts';
import { nameSkeleton } from '../../lib/name-skeleton.ts';

const freeNames = new LRUCache<string, true>({ max: 20_000, ttl: 60_000 });

/**
 * A guest may not pose as someone with an account: their name is refused when it folds to the same skeleton
 * as any username, or as the display name of the room's creator or one of its moderators.
 */
export async function assertGuestNameFree(hostId: string, guestName: string): Promise<void> {
  const skeleton = nameSkeleton(guestName);
  // A guest sends their name with every message: a name found free stays free for a minute on this instance.
  const cacheKey = `${hostId}/${skeleton}`;
  if (freeNames.has(cacheKey)) return;
  const [account, roomPeople] = await Promise.all([
    prisma.user.findFirst({ where: { usernameSkeleton: skeleton }, select: { id: true } }),
    prisma.user.findMany({
      where: { OR: [{ id: hostId }, { moderatorOf: { some: { hostId } } }] },
      select: { name: true, displayUsername: true },
    }),
  ]);
  const posesAsRoomPerson = roomPeople.some(
    (person) => nameSkeleton(person.name) === skeleton || nameSkeleton(person.displayUsername) === skeleton,
  );
  if (account || posesAsRoomPerson)
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `“${guestName}” is taken by someone with an account here. Please choose another name.`,
      {
        reason: 'GUEST_NAME_TAKEN',
        fields: [{ path: 'guestName', message: 'is taken by someone with an account here' }],
      },
    );
  freeNames.set(cacheKey, true);
}
