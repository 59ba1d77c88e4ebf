import { useEffect, useState } from 'react';
import { DEFAULT_VIEW_KEY, SAVED_VIEW_PREFIX } from '../../shared/keys.js';
import type { DefaultView, SavedView } from '../../shared/saved-views.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';

export interface SavedViews {
  /**
   * False until the views have synced once: every first pull carries the user's default
   * (maybe none), so until it is in the replica "no views" and "no default" are not known.
   */
  loaded: boolean;
  /** By name. */
  views: SavedView[];
  defaultId: string | null;
}

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/** The saved views this user sees (their own and the shared ones) and their default, live from the replica. */
export function useSavedViews(rep: TrunklineReplicache): SavedViews {
  const [state, setState] = useState<SavedViews>({ loaded: false, views: [], defaultId: null });
  useEffect(
    () =>
      rep.subscribe(
        async (tx) => ({
          views: (await tx.scan({ prefix: SAVED_VIEW_PREFIX }).values().toArray()) as unknown as SavedView[],
          default: ((await tx.get(DEFAULT_VIEW_KEY)) ?? null) as DefaultView | null,
        }),
        (read) => setState({ loaded: read.default !== null, views: [...read.views].sort(byName), defaultId: read.default?.id ?? null }),
      ),
    [rep],
  );
  return state;
}
