// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { screenfulOfRows, useTwoStepRows } from './use-two-step-rows.js';

const page = (from: number) => Array.from({ length: 50 }, (_, i) => from + i);

function render(first = 10) {
  return renderHook(({ records, viewKey }: { records: number[]; viewKey: string }) => useTwoStepRows(records, viewKey, first), {
    initialProps: { records: page(0), viewKey: 'name' },
  });
}

afterEach(cleanup);

describe('a page of rows in two steps', () => {
  it('shows the whole first page it is given', () => {
    expect(render().result.current).toEqual(page(0));
  });

  it('shows a new view\'s first screenful at once and the whole page after that is painted', async () => {
    const { result, rerender } = render();
    rerender({ records: page(100), viewKey: 'credit' });
    expect(result.current).toEqual(page(100).slice(0, 10));
    await waitFor(() => expect(result.current).toEqual(page(100)));
  });

  it('shows every row at once when the rows change within the same view (live figures, a row moving in)', () => {
    const { result, rerender } = render();
    rerender({ records: page(1), viewKey: 'name' });
    expect(result.current).toEqual(page(1));
  });

  it('starts again when the view changes before the rest arrived', async () => {
    const { result, rerender } = render();
    rerender({ records: page(100), viewKey: 'credit' });
    rerender({ records: page(200), viewKey: 'status' });
    expect(result.current).toEqual(page(200).slice(0, 10));
    await waitFor(() => expect(result.current).toEqual(page(200)));
  });

  it('renders a short page whole, in one step', () => {
    const { result, rerender } = render();
    rerender({ records: [1, 2, 3], viewKey: 'search' });
    expect(result.current).toEqual([1, 2, 3]);
  });
});

describe('a screenful', () => {
  it('is the rows the height shows, one more for a part row, at least ten', () => {
    expect(screenfulOfRows(650, 36)).toBe(20);
    expect(screenfulOfRows(100, 36)).toBe(10);
  });
});
