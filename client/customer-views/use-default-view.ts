import { useEffect, useRef } from 'react';
import { hasViewParams, readSavedViewParam } from './view-in-url.js';
import type { GridView } from './use-grid-view.js';
import type { SavedViews } from './use-saved-views.js';

/**
 * Opens the user's default view when the page opens without a view in its URL (a link or
 * a reload names its own view, and keeps it). Once, as soon as the replica has been read;
 * it replaces the history entry, so back does not return to the standard view first.
 */
export function useDefaultView(saved: SavedViews, view: GridView): void {
  const decided = useRef(hasViewParams(window.location.search) || readSavedViewParam(window.location.search) !== undefined);
  const { show } = view;
  useEffect(() => {
    if (decided.current || !saved.loaded) return;
    decided.current = true;
    const chosen = saved.views.find((v) => v.id === saved.defaultId);
    if (chosen) show(chosen.state, chosen.id, { replace: true });
  }, [saved, show]);
}
