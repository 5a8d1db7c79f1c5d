import { useEffect, useState } from 'react';

/**
 * The time now (epoch ms), re-read every `tickMs` while `active` and once at once when it turns active, so a
 * value read long ago is never shown. A clock is an external system: an interval effect is the tool.
 */
export function useNow(tickMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, tickMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [tickMs, active]);
  return now;
}

/** Milliseconds left until `until` (epoch ms), ticking while there is time left; 0 once it has passed or without one. */
export function useCountdown(until: number | null, tickMs = 250): number {
  const [active, setActive] = useState(until !== null);
  const now = useNow(tickMs, active);
  const left = until === null ? 0 : Math.max(0, until - now);
  // Stop ticking once the time has come; a new `until` starts it again.
  if (active !== left > 0) setActive(left > 0);
  return left;
}

/** Milliseconds since `since` (an ISO time), ticking every second; undefined without a start. */
export function useElapsed(since: string | null): number | undefined {
  const now = useNow(1000, since !== null);
  return since === null ? undefined : Math.max(0, now - Date.parse(since));
}
