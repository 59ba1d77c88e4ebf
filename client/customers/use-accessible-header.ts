import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

// mantine-datatable's class names for its header controls.
const DRAG = '.mantine-datatable-header-cell-draggable-action-icon';
const PIN = '.mantine-datatable-header-cell-pinnable-icon';
const HIDE = '.mantine-datatable-header-cell-toggleable-icon';
const SORTED = '.mantine-datatable-header-cell-sortable-icon';
const SORTED_DESC = 'mantine-datatable-header-cell-sortable-icon-reversed';
const POPUP_ATTRIBUTES = ['aria-haspopup', 'aria-expanded', 'aria-controls'];
/** Attributes the table may set again as it re-renders: a change to one of them re-runs the fix. */
const WATCHED = ['role', 'aria-label', 'aria-hidden', 'tabindex', 'class', ...POPUP_ATTRIBUTES];

/** Sets (or with null removes) an attribute only when it differs, so the fix settles after one pass. */
function setAttribute(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** A mouse-only control: out of the tab order and out of what screen readers list. */
function hideMouseOnly(wrapper: Element | null): void {
  if (!wrapper) return;
  for (const name of ['role', 'aria-label', ...POPUP_ATTRIBUTES]) setAttribute(wrapper, name, null);
  setAttribute(wrapper, 'aria-hidden', 'true');
  const button = wrapper.matches('button') ? wrapper : wrapper.querySelector('button');
  if (button) setAttribute(button, 'tabindex', '-1');
}

/**
 * Makes mantine-datatable's header readable by screen readers and usable from the keyboard.
 * Its sortable cells are buttons that hold further buttons without names (drag, pin, hide):
 * a button's content is flat text, so these vanished, and Tab stopped on each of them.
 * Now a sortable cell is a column header with aria-sort (Enter still sorts), the hide button
 * says which column it hides, and the drag handle and the pin icon, which work only with
 * a mouse (drag, hover), leave the tab order; the Columns menu shows and hides columns too.
 */
export function labelHeaderControls(thead: HTMLElement, titleOf: (accessor: string) => string): void {
  // The right-click column menu is a mouse shortcut; a row group cannot announce a popup.
  for (const name of POPUP_ATTRIBUTES) setAttribute(thead, name, null);
  for (const th of thead.querySelectorAll<HTMLElement>('th[data-accessor]')) {
    setAttribute(th, 'role', null);
    const sorted = th.querySelector(SORTED);
    setAttribute(th, 'aria-sort', sorted ? (sorted.classList.contains(SORTED_DESC) ? 'descending' : 'ascending') : null);
    hideMouseOnly(th.querySelector(DRAG)?.parentElement ?? null);
    hideMouseOnly(th.querySelector(PIN));
    const hide = th.querySelector(HIDE);
    if (hide) {
      setAttribute(hide, 'role', null);
      setAttribute(hide, 'aria-label', null);
      const button = hide.querySelector('button');
      if (button) setAttribute(button, 'aria-label', `Hide column ${titleOf(th.dataset.accessor!)}`);
    }
  }
}

/**
 * Keeps the header of the table inside `root` labelled (labelHeaderControls) as the table
 * re-renders it: sorting, hiding, pinning and moving columns. `titleOf` must be stable.
 */
export function useAccessibleHeader(root: RefObject<HTMLElement | null>, titleOf: (accessor: string) => string): void {
  const watched = useRef<{ thead: HTMLElement; observer: MutationObserver } | null>(null);
  // After every render of the grid: the table may have replaced its header (another view's columns).
  useLayoutEffect(() => {
    const thead = root.current?.querySelector('thead') ?? null;
    if (watched.current?.thead === thead) return;
    watched.current?.observer.disconnect();
    watched.current = null;
    if (!thead) return;
    const observer = new MutationObserver(() => {
      labelHeaderControls(thead, titleOf);
      // Our own changes need no second pass.
      observer.takeRecords();
    });
    labelHeaderControls(thead, titleOf);
    observer.observe(thead, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED });
    watched.current = { thead, observer };
  });
  useEffect(
    () => () => {
      watched.current?.observer.disconnect();
      watched.current = null;
    },
    [],
  );
}
