import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridViewState } from '../../shared/grid-view.js';
import { readSavedViewParam, readViewParams, withViewParams } from './view-in-url.js';

export interface Current {
  state: GridViewState;
  /** The saved view this state started from, if any. */
  savedId: string | undefined;
  /** When the filters last changed: "within 24 h" and "more than 30 days ago" count back from it. */
  now: number;
}

export type ViewChange = Partial<GridViewState> | ((state: GridViewState) => Partial<GridViewState>);

export interface ChangeOptions {
  /** Replace the current history entry instead of adding one (typing in the search box). */
  replace?: boolean;
}

export interface GridView extends Current {
  change(change: ViewChange, options?: ChangeOptions): void;
  /** Shows a whole view (a saved one, or the default): a new history entry unless `replace`. */
  show(state: GridViewState, savedId: string | undefined, options?: ChangeOptions): void;
}

function fromLocation(): Current {
  return { state: readViewParams(window.location.search), savedId: readSavedViewParam(window.location.search), now: Date.now() };
}

/**
 * `next` with every part equal to the same part of `previous` replaced by that part, and
 * the filters' clock kept while the filters are the same: a view read afresh from the URL
 * (back, forward, a saved view) then changes only what differs, and what depends on the
 * rest (the filtered rows, the columns) is not computed again.
 */
export function keepUnchanged(previous: Current, next: Current): Current {
  const state = { ...next.state } as Record<keyof GridViewState, unknown>;
  const before = previous.state as Record<keyof GridViewState, unknown>;
  for (const key of Object.keys(state) as (keyof GridViewState)[]) {
    if (state[key] !== before[key] && JSON.stringify(state[key]) === JSON.stringify(before[key])) state[key] = before[key];
  }
  const kept = state as unknown as GridViewState;
  const sameFilters = kept.filters === previous.state.filters && kept.match === previous.state.match;
  return { state: kept, savedId: next.savedId, now: sameFilters ? previous.now : next.now };
}

/**
 * The grid's view state, kept in the URL: read from it on load, written back on every
 * change (a new history entry, so back and forward step through views; typing replaces
 * the entry instead of adding one per keystroke), and read again when the user goes back
 * or forward.
 */
export function useGridView(): GridView {
  const [current, setCurrent] = useState<Current>(fromLocation);
  const latest = useRef(current);

  const commit = useCallback((next: Current, replace: boolean) => {
    latest.current = next;
    setCurrent(next);
    const href = withViewParams(window.location.href, next.state, next.savedId);
    if (href === window.location.href) return;
    if (replace) window.history.replaceState(window.history.state, '', href);
    else window.history.pushState(window.history.state, '', href);
  }, []);

  useEffect(() => {
    const onPop = () => {
      const next = keepUnchanged(latest.current, fromLocation());
      latest.current = next;
      setCurrent(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const change = useCallback(
    (change: ViewChange, options: ChangeOptions = {}) => {
      const { state, savedId, now } = latest.current;
      const patch = typeof change === 'function' ? change(state) : change;
      const filtersChanged = patch.filters !== undefined && patch.filters !== state.filters;
      commit({ state: { ...state, ...patch }, savedId, now: filtersChanged ? Date.now() : now }, options.replace ?? false);
    },
    [commit],
  );
  const show = useCallback(
    (state: GridViewState, savedId: string | undefined, options: ChangeOptions = {}) =>
      commit(keepUnchanged(latest.current, { state, savedId, now: Date.now() }), options.replace ?? false),
    [commit],
  );

  return useMemo(() => ({ ...current, change, show }), [current, change, show]);
}
