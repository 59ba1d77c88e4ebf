import { useEffect, useMemo, useState } from 'react';

/** The rows `height` pixels show at least, rows being at least `rowHeight` tall: the first step always fills the screen. */
export function screenfulOfRows(height: number, rowHeight: number): number {
  return Math.max(10, Math.ceil(height / rowHeight) + 1);
}

/**
 * The rows the grid renders when a new view arrives (a filter, a sort, a search, another
 * page): first only a screenful, painted in the change's own frame, then the rest of the
 * page right after that paint. The rows below the fold cost half of a 50-row page's
 * render and none of them is seen before the user scrolls; grids that virtualise
 * skip them for the same reason. Changes within the same view (live figures, an edit, a
 * row moving in or out) render the whole page at once, so nothing under the user's
 * scroll position disappears for a frame. `viewKey` changes exactly when the view does.
 */
export function useTwoStepRows<T>(records: T[], viewKey: unknown, first: number): T[] {
  const [step, setStep] = useState({ viewKey, whole: true });
  let whole = step.whole;
  if (step.viewKey !== viewKey) {
    whole = records.length <= first;
    setStep({ viewKey, whole });
  }
  useEffect(() => {
    if (whole) return;
    // After the first step's paint: a frame callback runs before it, a task queued from there after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setStep((s) => (s.viewKey === viewKey ? { viewKey, whole: true } : s)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [whole, viewKey]);
  return useMemo(() => (whole ? records : records.slice(0, first)), [whole, records, first]);
}
