import { useEffect, useState } from 'react';

/** The current time, updated every `intervalMs`, so "3 min ago" keeps counting between refreshes. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
