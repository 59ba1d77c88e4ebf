import { useEffect } from 'react';

/**
 * Calls `refetch` when the window regains focus or the browser is back online:
 * server-only data may have changed on another device meanwhile.
 */
export function useRefetchOnReturn(refetch: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', refetch);
    window.addEventListener('online', refetch);
    return () => {
      window.removeEventListener('focus', refetch);
      window.removeEventListener('online', refetch);
    };
  }, [refetch]);
}
