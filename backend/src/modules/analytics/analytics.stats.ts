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
export function computeSessionStats(session: { startedAt: Date; endedAt: Date | null }, presences: PresenceSpan[], now: Date): SessionStats {
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
