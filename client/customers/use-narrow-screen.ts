import { useMediaQuery } from '@mantine/hooks';

/** Phones: narrower than this, the customer page shows a compact list and a two-row toolbar. */
export const NARROW_SCREEN_QUERY = '(max-width: 599px)';

/** True on a screen narrower than 600 px. */
export function useNarrowScreen(): boolean {
  // Read during the first render, not after it: a phone must not build the grid only to replace it.
  return useMediaQuery(NARROW_SCREEN_QUERY, undefined, { getInitialValueInEffect: false });
}
