import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prisma } from '../../lib/prisma.ts';
import { nameSkeleton } from '../../lib/name-skeleton.ts';
import { createTestUser } from '../../test/fixtures.ts';
import { assertGuestNameFree } from './guest-names.service.ts';

describe('nameSkeleton: names that read the same fold the same', () => {
  it.each([
    ['Demo_Alice', 'demo alice'],
    ['Demo_Alice', 'DEMO-ALICE'],
    ['Demo_Alice', 'Dem0_A1ice'],
    ['Demo_Alice', 'DemoAIice'], // capital I for l
    ['Demo_Alice', 'dеmo_аlice'], // Cyrillic е and а
    ['Demo_Alice', 'Démo Alicé'],
    ['Demo_Alice', 'Ｄｅｍｏ Ａｌｉｃｅ'], // full-width
    ['Demo_Alice', 'Ꭰemo Ꭺlice'], // Cherokee
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

  it('for any username the sign-up rules allow, as typed', async () => {
    const username = fc.stringMatching(/^[A-Za-z0-9_]{3,24}$/);
    const samples = [...fc.sample(username, { numRuns: 150, seed: 20261207 }), 'rnvv_I1l0', 'Dem0_A1ice', 'MmIiOo', '___'];
    const rows = await Promise.all(
      samples.map(async (name, index) => {
        const id = randomUUID();
        ids.push(id);
        const typed = `${name.slice(0, 18)}_${index}`;
        return prisma.user.create({
          data: { id, username: typed.toLowerCase(), displayUsername: typed, name: typed, email: `${id}@example.test` },
          select: { displayUsername: true, usernameSkeleton: true },
        });
      }),
    );
    for (const row of rows) expect(row.usernameSkeleton, row.displayUsername).toBe(nameSkeleton(row.displayUsername));
  });
});

/**
 * Look-alikes as an attacker would make them: each letter of a real name swapped for characters Unicode's
 * confusables table (UTS #39, unhomoglyph's data) lists as looking like it, in any script.
 */
const confusables = createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>;
const lookAlikesOf = new Map<string, string[]>();
for (const [character, prototype] of Object.entries(confusables)) {
  if ([...prototype].length !== 1 || /\s/u.test(character)) continue;
  lookAlikesOf.set(prototype, [...(lookAlikesOf.get(prototype) ?? []), character]);
}

function lookAlikes(name: string, count: number, seed: number): string[] {
  let state = seed;
  const random = (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
  const made = new Set<string>();
  for (let attempt = 0; made.size < count && attempt < count * 20; attempt++) {
    const swapped = [...name].map((character) => {
      const options = lookAlikesOf.get(character);
      return options && random(2) === 0 ? options[random(options.length)]! : character;
    });
    const candidate = swapped.join('');
    if (candidate !== name) made.add(candidate);
  }
  return [...made];
}

describe('guest names that pose as someone with an account are refused, whatever the script', () => {
  let host: Awaited<ReturnType<typeof createTestUser>>;
  let moderator: Awaited<ReturnType<typeof createTestUser>>;
  const hostName = 'Mira Costa';
  const moderatorName = 'Lobo Verde';
  beforeAll(async () => {
    host = await createTestUser('Nova_Rain');
    moderator = await createTestUser('modo');
    await prisma.user.update({ where: { id: host.id }, data: { name: hostName } });
    await prisma.user.update({ where: { id: moderator.id }, data: { name: moderatorName } });
    await prisma.chatModerator.create({ data: { hostId: host.id, userId: moderator.id } });
  });

  const refusal = (guestName: string) =>
    assertGuestNameFree(host.id, guestName).then(
      () => undefined,
      (error: { details?: { reason?: string } }) => error.details?.reason,
    );

  it('refuses 240 look-alikes made from the confusables table of a username, the creator’s and a moderator’s name', async () => {
    const targets = [host.displayUsername, hostName, moderatorName];
    const generated = targets.flatMap((target, index) => lookAlikes(target, 80, 20261207 + index));
    expect(generated.length).toBeGreaterThanOrEqual(240);
    const reasons = await Promise.all(generated.map(async (name) => [name, await refusal(name)] as const));
    expect(reasons.filter(([, reason]) => reason !== 'GUEST_NAME_TAKEN')).toEqual([]);
  });

  it('accepts ordinary names from many scripts', async () => {
    const ordinary = [
      'Łukasz',
      'Müller',
      'Zoë',
      'Θεόδωρος',
      'Наталья',
      'Ольга',
      '李小龍',
      'さくら',
      'محمد',
      'दीपिका',
      '김민준',
      'Nguyễn Văn',
      'Ægir',
      'Øyvind',
      'Ngũgĩ',
      'Ṣọlá',
      'Kwame',
      'Aroha',
    ];
    const reasons = await Promise.all(ordinary.map(async (name) => [name, await refusal(name)] as const));
    expect(reasons.filter(([, reason]) => reason !== undefined)).toEqual([]);
  });
});
