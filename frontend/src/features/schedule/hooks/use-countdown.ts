import { useEffect, useState } from 'react';

/** "in 2 d 3 h", "in 5 h 12 min", "in 42 s"; "any moment now" once the time has come. Ticks every second. */
export function useCountdown(iso: string): string {
  const [now, setNow] = useState(() => Date.now());
  // A ticking clock is an external timer: an effect is the tool.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((Date.parse(iso) - now) / 1000));
  if (seconds === 0) return 'any moment now';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `in ${days} d ${hours} h`;
  if (hours > 0) return `in ${hours} h ${minutes} min`;
  if (minutes > 0) return `in ${minutes} min ${seconds % 60} s`;
  return `in ${seconds} s`;
}
