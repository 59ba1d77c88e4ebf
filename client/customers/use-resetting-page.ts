import { useCallback, useState } from 'react';

/**
 * The grid's page number, back to the first page whenever one of `deps` changes (a new
 * search, filter, sort or page size), set during render as React advises for state that
 * follows props, so the grid never paints the old page of a new view. A live update that
 * moves rows changes none of them and keeps the page. The setter is stable: a new one per
 * render would re-render the memoised grid at every keystroke.
 */
export function useResettingPage(deps: readonly unknown[]): [number, (page: number) => void] {
  const [state, setState] = useState({ page: 1, deps });
  const setPage = useCallback((page: number) => setState((s) => ({ page, deps: s.deps })), []);
  if (deps.length !== state.deps.length || deps.some((d, i) => !Object.is(d, state.deps[i]))) {
    setState({ page: 1, deps });
    return [1, setPage];
  }
  return [state.page, setPage];
}
