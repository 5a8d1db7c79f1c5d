import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prisma } from '../../lib/prisma.ts';
import { nameSkeleton } from './guest-names.ts';

describe('nameSkeleton: names that read the same fold the same', () => {
  it.each([
    ['Demo_Alice', 'demo alice'],
    ['Demo_Alice', 'DEMO-ALICE'],
    ['Demo_Alice', 'Dem0_A1ice'],
    ['Demo_Alice', 'dеmo_аlice'], // Cyrillic е and а
    ['Demo_Alice', 'Démo Alicé'],
    ['Demo_Alice', 'Ｄｅｍｏ Ａｌｉｃｅ'], // full-width
    ['modern', 'rnodern'],
    ['wave', 'vvave'],
  ])('%s ~ %s', (account, lookAlike) => {
    expect(nameSkeleton(lookAlike)).toBe(nameSkeleton(account));
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('Night Owl')).not.toBe(nameSkeleton('Demo_Alice'));
  });
});

describe('the database folds usernames exactly like nameSkeleton', () => {
  const ids: string[] = [];
  afterAll(async () => {
    await prisma.user.deleteMany({ where: { id: { in: ids } } });
  });

  it('for any username the sign-up rules allow', async () => {
    const username = fc.stringMatching(/^[A-Za-z0-9_]{3,24}$/);
    const samples = [...fc.sample(username, { numRuns: 150, seed: 20261130 }), 'rnvv_I1l0', 'Dem0_A1ice', '___', 'iiii'];
    const rows = await Promise.all(
      samples.map(async (name, index) => {
        const id = randomUUID();
        ids.push(id);
        const unique = `${name.slice(0, 18)}_${index}`.toLowerCase();
        return prisma.user.create({
          data: { id, username: unique, displayUsername: unique, name: unique, email: `${id}@example.test` },
          select: { username: true, usernameSkeleton: true },
        });
      }),
    );
    for (const row of rows) expect(row.usernameSkeleton, row.username).toBe(nameSkeleton(row.username));
  });
});
