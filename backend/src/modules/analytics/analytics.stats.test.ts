import { describe, expect, it } from 'vitest';
import { computeSessionStats, perMinute, sourceBreakdown, viewerTimeline } from './analytics.stats.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe('viewer figures for one broadcast', () => {
  it('computes peak, average concurrency, unique viewers and watch time', () => {
    const stats = computeSessionStats(
      { startedAt: at(0), endedAt: at(60) },
      [
        { identity: 'a', joinedAt: at(0), leftAt: at(60) }, // 60 min
        { identity: 'b', joinedAt: at(10), leftAt: at(40) }, // 30 min
        { identity: 'b', joinedAt: at(50), leftAt: at(60) }, // 10 min, same person again
        { identity: 'guest-1', joinedAt: at(20), leftAt: at(30) }, // 10 min
      ],
      at(90),
    );
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
    const stats = computeSessionStats(
      { startedAt: at(10), endedAt: null },
      [
        { identity: 'early', joinedAt: at(0), leftAt: null }, // joined before going live: counts from 10
        { identity: 'gone', joinedAt: at(0), leftAt: at(5) }, // left before the session: not counted
      ],
      at(20),
    );
    expect(stats).toMatchObject({
      durationSeconds: 600,
      peakViewers: 1,
      uniqueViewers: 1,
      totalWatchSeconds: 600,
      averageViewers: 1,
    });
  });

  it('does not count a leave and a join at the same instant as two viewers at once', () => {
    const stats = computeSessionStats(
      { startedAt: at(0), endedAt: at(10) },
      [
        { identity: 'a', joinedAt: at(0), leftAt: at(5) },
        { identity: 'b', joinedAt: at(5), leftAt: at(10) },
      ],
      at(10),
    );
    expect(stats.peakViewers).toBe(1);
  });

  it('is all zeros for a broadcast nobody watched', () => {
    expect(computeSessionStats({ startedAt: at(0), endedAt: at(0) }, [], at(1))).toEqual({
      durationSeconds: 0,
      peakViewers: 0,
      averageViewers: 0,
      uniqueViewers: 0,
      totalWatchSeconds: 0,
      averageWatchSeconds: 0,
    });
  });
});

describe('charts for one broadcast', () => {
  const sec = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

  it('viewers over time: 15 s buckets holding the most viewers at any instant, so a short peak shows', () => {
    const points = viewerTimeline(
      { startedAt: sec(0), endedAt: sec(60) },
      [
        { identity: 'a', joinedAt: sec(0), leftAt: sec(60) },
        { identity: 'b', joinedAt: sec(20), leftAt: sec(22) }, // 2 s visit
        { identity: 'c', joinedAt: sec(31), leftAt: null }, // still there
      ],
      sec(300),
    );
    expect(points.map((point) => point.viewers)).toEqual([1, 2, 2, 2]);
    expect(points.map((point) => point.at.toISOString())).toEqual([0, 15, 30, 45].map((s) => sec(s).toISOString()));
  });

  it('keeps at most maxPoints buckets for a long broadcast, and counts a live one until now', () => {
    const points = viewerTimeline(
      { startedAt: at(0), endedAt: null },
      [{ identity: 'a', joinedAt: at(10), leftAt: null }],
      at(600),
      { maxPoints: 100 },
    );
    expect(points).toHaveLength(100);
    expect(points[0]!.viewers).toBe(0);
    expect(points.at(-1)!.viewers).toBe(1);
    expect(viewerTimeline({ startedAt: at(0), endedAt: at(0) }, [], at(1))).toEqual([{ at: at(0), viewers: 0 }]);
  });

  it('chat per minute fills quiet minutes with 0 and ignores stray rows', () => {
    expect(
      perMinute(
        [
          { minute: 0, count: 3 },
          { minute: 2, count: 1 },
          { minute: 9, count: 5 },
        ],
        150,
      ),
    ).toEqual([3, 0, 1]);
    expect(perMinute([], 0)).toEqual([0]);
  });

  it('sources: each viewer counted once, by where their first stay came from', () => {
    const counts = sourceBreakdown([
      { identity: 'a', joinedAt: sec(5), source: 'HOME' },
      { identity: 'a', joinedAt: sec(1), source: 'SEARCH' },
      { identity: 'b', joinedAt: sec(2), source: 'SEARCH' },
      { identity: 'c', joinedAt: sec(3), source: null },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ SEARCH: 2, null: 1 });
  });
});
