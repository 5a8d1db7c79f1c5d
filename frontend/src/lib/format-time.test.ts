import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatTimeUntil, formatWait } from './format-time.ts';

describe('times as people read them', () => {
  it('a clock like a video player’s', () => {
    expect([0, 9_999, 75_000, 3_725_000, -5].map(formatClock)).toEqual(['0:00', '0:09', '1:15', '1:02:05', '0:00']);
  });

  it('a wait rounded up, never 0 while one still waits', () => {
    expect([1, 999, 45_000, 60_000, 245_100].map(formatWait)).toEqual(['1s', '1s', '45s', '1:00', '4:06']);
  });

  it('time until a scheduled stream', () => {
    expect([0, 42_000, 312_000, 18_720_000, 183_600_000].map(formatTimeUntil)).toEqual([
      'any moment now',
      'in 42 s',
      'in 5 min 12 s',
      'in 5 h 12 min',
      'in 2 d 3 h',
    ]);
  });

  it('how long ago', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const ago = (ms: number) => formatAgo(new Date(now - ms).toISOString(), now);
    expect([5_000, 300_000, 7_200_000, 86_400_000].map(ago)).toEqual(['just now', '5 minutes ago', '2 hours ago', 'yesterday']);
  });
});
