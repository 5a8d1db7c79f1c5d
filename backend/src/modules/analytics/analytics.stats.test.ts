import { describe, expect, it } from 'vitest';
import { computeSessionStats } from './analytics.stats.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe('viewer figures for one broadcast', () => {
  it('computes peak, average concurrency, unique viewers and watch time', () => {
    const stats = computeSessionStats({ startedAt: at(0), endedAt: at(60) }, [
      { identity: 'a', joinedAt: at(0), leftAt: at(60) }, // 60 min
      { identity: 'b', joinedAt: at(10), leftAt: at(40) }, // 30 min
      { identity: 'b', joinedAt: at(50), leftAt: at(60) }, // 10 min, same person again
      { identity: 'guest-1', joinedAt: at(20), leftAt: at(30) }, // 10 min
    ], at(90));
    expect(stats).toEqual({
      durationSeconds: 3600,
      peakViewers: 3,
      averageViewers: 1.8,
      uniqueViewers: 3,
      totalWatchSeconds: 110 * 60,
      averageWatchSeconds: Math.round((110 * 60) / 3),
    });
  });

  it('counts open stays until now while the session is still live, and clips stays to the session', () => {
    const stats = computeSessionStats({ startedAt: at(10), endedAt: null }, [
      { identity: 'early', joinedAt: at(0), leftAt: null }, // joined before going live: counts from 10
      { identity: 'gone', joinedAt: at(0), leftAt: at(5) }, // left before the session: not counted
    ], at(20));
    expect(stats).toMatchObject({ durationSeconds: 600, peakViewers: 1, uniqueViewers: 1, totalWatchSeconds: 600, averageViewers: 1 });
  });

  it('does not count a leave and a join at the same instant as two viewers at once', () => {
    const stats = computeSessionStats({ startedAt: at(0), endedAt: at(10) }, [
      { identity: 'a', joinedAt: at(0), leftAt: at(5) },
      { identity: 'b', joinedAt: at(5), leftAt: at(10) },
    ], at(10));
    expect(stats.peakViewers).toBe(1);
  });

  it('is all zeros for a broadcast nobody watched', () => {
    expect(computeSessionStats({ startedAt: at(0), endedAt: at(0) }, [], at(1))).toEqual({
      durationSeconds: 0, peakViewers: 0, averageViewers: 0, uniqueViewers: 0, totalWatchSeconds: 0, averageWatchSeconds: 0,
    });
  });
});
