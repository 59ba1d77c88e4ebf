import { useEffect } from 'react';

/** Calls `refetch` when the window regains focus: server-only data may have changed on another device meanwhile. */
export function useRefetchOnFocus(refetch: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', refetch);
    return () => window.removeEventListener('focus', refetch);
  }, [refetch]);
}
