import { useEffect } from 'react';

/**
 * Readiness marks on <html>, for what drives the app from outside (browser tests, benchmarks),
 * so it waits for the app itself rather than for a guessed number of seconds. Users see no
 * difference. `data-screen`: the screen shown (`setup`, `sign-in`, `unreachable`, `app`);
 * `data-synced="true"`: this page's replica is open and has received a complete pull;
 * `data-customers="ready"`: the customer page shows the local data (not "downloading").
 */
export type ReadinessMark = 'screen' | 'synced' | 'customers';

/** Sets the mark, or removes it with `null`. */
export function setReadiness(mark: ReadinessMark, value: string | null): void {
  const attribute = `data-${mark}`;
  if (value === null) document.documentElement.removeAttribute(attribute);
  else document.documentElement.setAttribute(attribute, value);
}

/** Holds the mark at `value` while the calling component is mounted (none while `value` is null). */
export function useReadiness(mark: ReadinessMark, value: string | null): void {
  useEffect(() => {
    setReadiness(mark, value);
    return () => setReadiness(mark, null);
  }, [mark, value]);
}
