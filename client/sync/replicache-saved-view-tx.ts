import type { ReadonlyJSONValue, WriteTransaction } from 'replicache';
import { DEFAULT_VIEW_KEY, savedViewKey } from '../../shared/keys.js';
import type { SavedView, SavedViewTx } from '../../shared/saved-views.js';

/** The saved-view half of the shared mutators' storage, over a Replicache transaction. */
export function replicacheSavedViewTx(tx: WriteTransaction, userId: string): Omit<SavedViewTx, 'role' | 'now'> {
  return {
    userId,
    getSavedView: async (id) => (await tx.get(savedViewKey(id))) as SavedView | undefined,
    async putSavedView(view) {
      await tx.set(savedViewKey(view.id), view as unknown as ReadonlyJSONValue);
    },
    async deleteSavedView(id) {
      await tx.del(savedViewKey(id));
    },
    async setDefaultView(id) {
      await tx.set(DEFAULT_VIEW_KEY, { id });
    },
  };
}
