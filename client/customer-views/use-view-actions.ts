import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { AppError } from '../../shared/errors.js';
import type { GridViewState } from '../../shared/grid-view.js';
import type { SavedView } from '../../shared/saved-views.js';
import type { SyncApi } from '../sync/sync-context.js';
import type { GridView } from './use-grid-view.js';

export interface SaveViewInput {
  /** Absent: a new view. */
  id?: string;
  name: string;
  shared: boolean;
  makeDefault: boolean;
  /** It was the default and no longer is. */
  clearDefault?: boolean;
  /** The layout saved; absent: the grid as it is now. */
  state?: GridViewState;
}

export interface ViewActions {
  /** Saves the grid's current state under a name (a new view, or over `id`) and shows it as that view. */
  save(input: SaveViewInput): Promise<boolean>;
  /** Saves the current state over an existing view, keeping its name and sharing. */
  update(view: SavedView): Promise<boolean>;
  remove(view: SavedView): Promise<boolean>;
  setDefault(id: string | null): Promise<boolean>;
  show(view: SavedView): void;
  showStandard(standard: GridViewState): void;
}

/**
 * What the views menu does, as changes to the synced views: each is applied on this device
 * at once (and works offline); a refusal (a role that may not share) is said in a notification.
 */
export function useViewActions(sync: Pick<SyncApi, 'mutate'>, view: GridView): ViewActions {
  return useMemo(() => {
    const attempt = async (run: () => Promise<void>, done?: string): Promise<boolean> => {
      try {
        await run();
        if (done) notifications.show({ color: 'green', message: done, autoClose: 3000 });
        return true;
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The view could not be saved.';
        notifications.show({ color: 'red', title: 'Not saved', message });
        return false;
      }
    };
    return {
      save: ({ id = crypto.randomUUID(), name, shared, makeDefault, clearDefault, state = view.state }) =>
        attempt(async () => {
          await sync.mutate('saveGridView', { id, name: name.trim(), shared, state });
          if (makeDefault) await sync.mutate('setDefaultGridView', { id });
          else if (clearDefault) await sync.mutate('setDefaultGridView', { id: null });
          if (state === view.state) view.show(state, id);
        }, `View “${name.trim()}” saved`),
      update: (saved) =>
        attempt(() => sync.mutate('saveGridView', { id: saved.id, name: saved.name, shared: saved.shared, state: view.state }), `View “${saved.name}” saved`),
      remove: (saved) =>
        attempt(async () => {
          await sync.mutate('deleteGridView', { id: saved.id });
          if (view.savedId === saved.id) view.show(view.state, undefined);
        }, `View “${saved.name}” deleted`),
      setDefault: (id) => attempt(() => sync.mutate('setDefaultGridView', { id })),
      show: (saved) => view.show(saved.state, saved.id),
      showStandard: (standard) => view.show(standard, undefined),
    };
  }, [sync, view]);
}
