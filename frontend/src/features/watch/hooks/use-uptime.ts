import { useEffect, useState } from 'react';

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** "1:02:03" since the stream started, ticking every second; undefined while offline. */
export function useUptime(startedAt: string | null): string | undefined {
  const [now, setNow] = useState(() => Date.now());
  // A clock is a subscription to time: an interval effect is the tool.
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt ? format(now - new Date(startedAt).getTime()) : undefined;
}
