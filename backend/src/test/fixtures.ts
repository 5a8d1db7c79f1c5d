import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { prisma } from '../lib/prisma.ts';

const createdUserIds: string[] = [];

/** A user row straight in PostgreSQL; removed (with everything hanging off it) after the file's tests. */
export async function createTestUser(prefix = 'user') {
  const displayUsername = `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 24);
  const user = await prisma.user.create({
    data: {
      id: randomUUID(),
      username: displayUsername.toLowerCase(),
      displayUsername,
      name: displayUsername,
      email: `${displayUsername.toLowerCase()}@example.test`,
    },
  });
  createdUserIds.push(user.id);
  return user;
}

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: createdUserIds } } });
});
