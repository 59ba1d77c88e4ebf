import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_VIEW, type GridViewState } from '../../shared/grid-view.js';
import { keepUnchanged } from './use-grid-view.js';
import { readViewParams, withViewParams } from './view-in-url.js';

const current = (state: GridViewState, now = 1000) => ({ state, savedId: undefined, now });
/** The state as a reload or back/forward reads it: new objects throughout. */
const reread = (state: GridViewState) => readViewParams(new URL(withViewParams('http://x/', state)).search);

describe('a view read again from the URL', () => {
  const before: GridViewState = {
    ...DEFAULT_GRID_VIEW,
    filters: [{ type: 'number', field: 'credit', op: 'lt', value: 0 }],
    sort: [{ column: 'credit', direction: 'asc' }],
  };

  it('keeps the parts that did not change, and the filters\' clock with them', () => {
    const next = keepUnchanged(current(before), current(reread({ ...before, sort: [{ column: 'name', direction: 'desc' }] }), 5000));
    expect(next.state.filters).toBe(before.filters);
    expect(next.state.columns).toBe(before.columns);
    expect(next.state.sort).toEqual([{ column: 'name', direction: 'desc' }]);
    expect(next.now).toBe(1000);
  });

  it('takes what changed, and a new clock when the filters changed', () => {
    const filters = [{ type: 'set' as const, field: 'status' as const, op: 'in' as const, values: ['active'] }];
    const next = keepUnchanged(current(before), current(reread({ ...before, filters }), 5000));
    expect(next.state.filters).toEqual(filters);
    expect(next.state.sort).toBe(before.sort);
    expect(next.now).toBe(5000);
  });
});
