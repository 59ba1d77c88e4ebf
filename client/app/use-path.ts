import { useCallback, useSyncExternalStore } from 'react';

/** The current path, and navigation without a reload (the service worker serves index.html for every path). */
const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
};

export function usePath(): [string, (path: string) => void] {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const navigate = useCallback((to: string) => {
    if (to === window.location.pathname) return;
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [path, navigate];
}
