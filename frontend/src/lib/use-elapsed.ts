import { useEffect, useState } from 'react';

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** "1:02:03" since `since`, ticking every second; undefined without a start. */
export function useElapsed(since: string | null): string | undefined {
  const [now, setNow] = useState(() => Date.now());
  // A clock is a subscription to time: an interval effect is the tool.
  useEffect(() => {
    if (!since) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since ? format(now - new Date(since).getTime()) : undefined;
}
