import { useState } from 'react';

/**
 * The grid's page number, back to the first page whenever one of `deps` changes (a new
 * search, filter, sort or page size), set during render as React advises for state that
 * follows props, so the grid never paints the old page of a new view. A live update that
 * moves rows changes none of them and keeps the page.
 */
export function useResettingPage(deps: readonly unknown[]): [number, (page: number) => void] {
  const [state, setState] = useState({ page: 1, deps });
  if (deps.length !== state.deps.length || deps.some((d, i) => !Object.is(d, state.deps[i]))) {
    const reset = { page: 1, deps };
    setState(reset);
    return [1, (page) => setState({ page, deps })];
  }
  return [state.page, (page) => setState({ page, deps })];
}
