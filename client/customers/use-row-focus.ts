import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';
import { clampRowIndex, isTyping, nextRowIndex } from './row-focus.js';
import classes from './row-focus.module.css';

export interface RowFocusOptions {
  /** Rows on the page. */
  count: number;
  /** The element holding the table: where the rows are looked up to move the focus. */
  container: RefObject<HTMLElement | null>;
  /** Space on a focused row; undefined where rows cannot be selected. */
  onToggle?: (index: number) => void;
  /** Enter on a focused row. */
  onOpen: (index: number) => void;
}

export interface RowFocus {
  /** For the table's customRowAttributes: one row is in the tab order, the arrows move it. */
  rowAttributes: (record: unknown, index: number) => Record<string, unknown>;
  /** For the table's rowClassName: the focused row's ring. */
  rowClassName: string;
  /** Moves the keyboard focus to the focused row (from outside the grid, e.g. the search box). */
  focusRow: () => void;
}

/**
 * Roving focus over a page of rows: one row has tabIndex 0, the others -1; arrows, Home and
 * End move it, Space toggles the row's selection and Enter opens it. Keys pressed on a
 * control inside a row keep their own meaning, except the arrows outside text fields.
 */
export function useRowFocus({ count, container, onToggle, onOpen }: RowFocusOptions): RowFocus {
  const [focused, setFocused] = useState(0);
  const current = clampRowIndex(focused, count);

  const focusAt = useCallback(
    (index: number) => {
      setFocused(index);
      container.current?.querySelector<HTMLElement>(`tbody > tr[data-row-index="${index}"]`)?.focus();
    },
    [container],
  );
  const focusRow = useCallback(() => focusAt(current), [focusAt, current]);

  const rowAttributes = useCallback(
    (_record: unknown, index: number) => ({
      'data-row-index': index,
      tabIndex: index === current ? 0 : -1,
      // Focus anywhere in a row (a click, Tab onto its checkbox) makes it the row the arrows start from.
      onFocus: () => setFocused(index),
      onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const onRow = e.target === e.currentTarget;
        const next = nextRowIndex(e.key, index, count);
        if (next !== undefined && (onRow || !isTyping(e.target))) {
          e.preventDefault();
          focusAt(next);
        } else if (onRow && e.key === ' ' && onToggle) {
          e.preventDefault();
          onToggle(index);
        } else if (onRow && e.key === 'Enter') {
          e.preventDefault();
          onOpen(index);
        }
      },
    }),
    [current, count, focusAt, onToggle, onOpen],
  );

  return { rowAttributes, rowClassName: classes.row!, focusRow };
}
