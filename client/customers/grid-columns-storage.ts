import { GRID_COLUMNS, normalizeColumns, sameColumns, type GridColumnId, type GridColumnState } from '../../shared/grid-view.js';

export { sameColumns };

/**
 * mantine-datatable keeps the columns' order, visibility, pins and widths in localStorage
 * under the table's `storeColumnsKey` (its drag, toggle, pin and resize controls write
 * there and announce it with Mantine's "mantine-local-storage" event). The page's own
 * state (the URL, saved views) is `GridColumnState[]`; these functions translate between
 * the two, so the table's own controls stay in use and the view state stays the truth.
 */

const STORAGE_EVENT = 'mantine-local-storage';

const keysOf = (key: string) => ({
  order: `${key}-columns-order`,
  toggle: `${key}-columns-toggle`,
  pinning: `${key}-columns-pinning`,
  width: `${key}-columns-width`,
});

const isGridColumn = (id: unknown): id is GridColumnId => typeof id === 'string' && (GRID_COLUMNS as readonly string[]).includes(id);

function readJson(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const parseWidth = (w: unknown): number | undefined => {
  const n = typeof w === 'number' ? w : typeof w === 'string' && /^\d+(\.\d+)?px$/.test(w) ? parseFloat(w) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** The columns as the table last stored them; undefined when it stored nothing readable. */
export function readStoredColumns(key: string): GridColumnState[] | undefined {
  const k = keysOf(key);
  const order = readJson(k.order);
  if (!Array.isArray(order)) return undefined;
  const flags = new Map<string, { hidden?: boolean; pinned?: boolean; width?: number }>();
  const entry = (id: string) => flags.get(id) ?? (flags.set(id, {}), flags.get(id)!);
  const toggles = readJson(k.toggle);
  if (Array.isArray(toggles)) for (const t of toggles) if (t && typeof t.accessor === 'string') entry(t.accessor).hidden = t.toggled === false;
  const pins = readJson(k.pinning);
  if (Array.isArray(pins)) for (const p of pins) if (p && typeof p.accessor === 'string') entry(p.accessor).pinned = p.pinned === 'left';
  const widths = readJson(k.width);
  if (Array.isArray(widths)) {
    for (const w of widths) {
      if (!w || typeof w !== 'object') continue;
      for (const [id, value] of Object.entries(w)) entry(id).width = parseWidth(value);
    }
  }
  const columns = order.filter(isGridColumn).map((id) => ({ id, ...flags.get(id) }));
  return normalizeColumns(columns);
}

/**
 * Stores `columns` where the table reads them and tells its hooks, which re-render with
 * them (no remount): every key is written before any event fires, so a listener reading
 * the storage on the first event sees the whole state.
 */
export function writeStoredColumns(key: string, columns: readonly GridColumnState[]): void {
  const k = keysOf(key);
  const cols = normalizeColumns(columns);
  const values: [string, unknown][] = [
    [k.order, cols.map((c) => c.id)],
    [k.toggle, cols.map((c) => ({ accessor: c.id, defaultToggle: true, toggleable: c.id !== 'name', toggled: !c.hidden }))],
    [k.pinning, cols.map((c) => ({ accessor: c.id, pinnable: true, ...(c.pinned ? { pinned: 'left' } : {}) }))],
    [k.width, cols.map((c) => ({ [c.id]: c.width === undefined ? 'auto' : `${c.width}px` }))],
  ];
  try {
    for (const [name, value] of values) window.localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Storage blocked or full: the table keeps its own state; the view state is still right.
  }
  for (const [name, value] of values) window.dispatchEvent(new CustomEvent(STORAGE_EVENT, { detail: { key: name, value } }));
}

/** Calls `listener` when the table stores a change to any of `key`'s column entries. */
export function onStoredColumnsChange(key: string, listener: () => void): () => void {
  const names = new Set(Object.values(keysOf(key)));
  const handler = (e: Event) => {
    const detail = (e as CustomEvent<{ key?: string }>).detail;
    if (detail?.key && names.has(detail.key)) listener();
  };
  window.addEventListener(STORAGE_EVENT, handler);
  return () => window.removeEventListener(STORAGE_EVENT, handler);
}
