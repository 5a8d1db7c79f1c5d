export type PresenceSpan = { identity: string; joinedAt: Date; leftAt: Date | null };

export type SessionStats = {
  durationSeconds: number;
  peakViewers: number;
  averageViewers: number;
  uniqueViewers: number;
  totalWatchSeconds: number;
  averageWatchSeconds: number;
};

/**
 * Viewer figures for one broadcast from its presences. Stays are clipped to the session (an open
 * stay or session counts until `now`); concurrency is a sweep over join/leave instants.
 */
export function computeSessionStats(
  session: { startedAt: Date; endedAt: Date | null },
  presences: PresenceSpan[],
  now: Date,
): SessionStats {
  const start = session.startedAt.getTime();
  const end = (session.endedAt ?? now).getTime();
  const durationMs = Math.max(0, end - start);

  const spans = presences
    .map((presence) => ({
      identity: presence.identity,
      from: Math.max(start, presence.joinedAt.getTime()),
      to: Math.min(end, (presence.leftAt ?? now).getTime()),
    }))
    .filter((span) => span.to > span.from);

  const totalWatchMs = spans.reduce((sum, span) => sum + (span.to - span.from), 0);
  const uniqueViewers = new Set(spans.map((span) => span.identity)).size;

  // Leaves sort before joins at the same instant, so a hand-over is not counted as two viewers.
  const events = spans.flatMap((span) => [
    { at: span.from, delta: 1 },
    { at: span.to, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peakViewers = 0;
  for (const event of events) {
    current += event.delta;
    peakViewers = Math.max(peakViewers, current);
  }

  return {
    durationSeconds: Math.round(durationMs / 1000),
    peakViewers,
    averageViewers: durationMs ? Math.round((totalWatchMs / durationMs) * 10) / 10 : 0,
    uniqueViewers,
    totalWatchSeconds: Math.round(totalWatchMs / 1000),
    averageWatchSeconds: uniqueViewers ? Math.round(totalWatchMs / uniqueViewers / 1000) : 0,
  };
}

export type TimelinePoint = { at: Date; viewers: number };

/**
 * Concurrent viewers over a broadcast, as at most `maxPoints` buckets of at least `minStepMs` each: every
 * bucket holds the most viewers at any instant in it (so a short peak still shows), from the exact join/leave
 * sweep over the presences — no sampling table needed.
 */
export function viewerTimeline(
  session: { startedAt: Date; endedAt: Date | null },
  presences: PresenceSpan[],
  now: Date,
  { maxPoints = 240, minStepMs = 15_000 } = {},
): TimelinePoint[] {
  const start = session.startedAt.getTime();
  const end = Math.max(start, (session.endedAt ?? now).getTime());
  const step = Math.max(minStepMs, Math.ceil((end - start) / maxPoints));
  const buckets = Math.max(1, Math.ceil((end - start) / step));
  const events = presences
    .map((presence) => ({
      from: Math.max(start, presence.joinedAt.getTime()),
      to: Math.min(end, (presence.leftAt ?? now).getTime()),
    }))
    .filter((span) => span.to > span.from)
    .flatMap((span) => [
      { at: span.from, delta: 1 },
      { at: span.to, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  const points: TimelinePoint[] = [];
  let current = 0;
  let index = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const bucketEnd = start + (bucket + 1) * step;
    let most = current;
    // Apply every change inside the bucket, keeping the highest count reached.
    while (index < events.length && events[index]!.at < bucketEnd) {
      current += events[index]!.delta;
      most = Math.max(most, current);
      index++;
    }
    points.push({ at: new Date(start + bucket * step), viewers: most });
  }
  return points;
}

/** Messages per minute from the start of the broadcast, every minute present (0 when quiet). */
export function perMinute(counts: { minute: number; count: number }[], durationSeconds: number): number[] {
  const minutes = Math.max(1, Math.ceil(durationSeconds / 60));
  const series = Array.from({ length: minutes }, () => 0);
  for (const { minute, count } of counts) if (minute >= 0 && minute < minutes) series[minute] = (series[minute] ?? 0) + count;
  return series;
}

/** Viewers by where they first came from in this broadcast (their earliest stay's source); null = not told. */
export function sourceBreakdown<S extends string>(
  presences: { identity: string; joinedAt: Date; source: S | null }[],
): Map<S | null, number> {
  const first = new Map<string, { at: number; source: S | null }>();
  for (const presence of presences) {
    const seen = first.get(presence.identity);
    if (!seen || presence.joinedAt.getTime() < seen.at)
      first.set(presence.identity, { at: presence.joinedAt.getTime(), source: presence.source });
  }
  const counts = new Map<S | null, number>();
  for (const { source } of first.values()) counts.set(source, (counts.get(source) ?? 0) + 1);
  return counts;
}
