import { describe, expect, it, vi } from 'vitest';
import { prisma } from '../../lib/prisma.ts';
import { createHost } from './chat.test-support.ts';
import { storeWithinRate, type MessageToStore } from './chat-store.service.ts';

const message = (hostId: string, sender: string, body: string): MessageToStore => ({
  hostId,
  senderIdentity: sender,
  senderUserId: null,
  senderName: sender,
  color: '#123456',
  isGuest: true,
  senderNetwork: `net-${sender}`,
  body,
});

describe('storeWithinRate (group commit)', () => {
  it('stores a burst from several senders in one statement, each sender held to their own limit, in arrival order', async () => {
    const host = await createHost();
    const loud = `loud-${Date.now()}`;
    const quiet = `quiet-${Date.now()}`;
    const statements = vi.spyOn(prisma, '$queryRaw');
    try {
      const outcomes = await Promise.all([
        ...Array.from({ length: 7 }, (_, index) =>
          storeWithinRate({ key: `test:${loud}`, perSecond: 5 }, message(host.id, loud, `loud ${index}`)),
        ),
        ...Array.from({ length: 2 }, (_, index) =>
          storeWithinRate({ key: `test:${quiet}`, perSecond: 5 }, message(host.id, quiet, `quiet ${index}`)),
        ),
      ]);
      expect(statements).toHaveBeenCalledTimes(1);
      const [loudOutcomes, quietOutcomes] = [outcomes.slice(0, 7), outcomes.slice(7)];
      // The first five of the loud sender are in; the rest are told how long to wait.
      expect(loudOutcomes.map((outcome) => outcome.row?.body ?? null)).toEqual([
        'loud 0',
        'loud 1',
        'loud 2',
        'loud 3',
        'loud 4',
        null,
        null,
      ]);
      for (const refused of loudOutcomes.slice(5)) expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(quietOutcomes.every((outcome) => outcome.row !== null)).toBe(true);
    } finally {
      statements.mockRestore();
    }

    // History orders by time, then id: the batch reads back in the order it arrived.
    const history = await prisma.chatMessage.findMany({
      where: { hostId: host.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(history.map((row) => row.body)).toEqual(['loud 0', 'loud 1', 'loud 2', 'loud 3', 'loud 4', 'quiet 0', 'quiet 1']);
  });

  it('counts a sender across statements: a second burst within the same second is refused', async () => {
    const host = await createHost();
    const sender = `again-${Date.now()}`;
    const first = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        storeWithinRate({ key: `test:${sender}`, perSecond: 5 }, message(host.id, sender, `a${index}`)),
      ),
    );
    const second = await Promise.all(
      Array.from({ length: 3 }, (_, index) =>
        storeWithinRate({ key: `test:${sender}`, perSecond: 5 }, message(host.id, sender, `b${index}`)),
      ),
    );
    expect(first.every((outcome) => outcome.row)).toBe(true);
    expect(second.map((outcome) => Boolean(outcome.row))).toEqual([true, false, false]);
  });
});
