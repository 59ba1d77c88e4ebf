import type { JSONValue } from 'postgres';
import type { GridViewState } from '../../shared/grid-view.js';
import type { SavedView, SavedViewTx } from '../../shared/saved-views.js';
import type { MutationContext } from '../customers/mutation-context.js';

interface SavedViewRow {
  id: string;
  owner_id: string;
  name: string;
  shared: boolean;
  state: GridViewState;
  updated_at: Date;
}

/**
 * The saved-view half of the shared mutators' storage, over the push transaction. Scoped
 * to the session's organisation; every write stamps the mutation's space version so the
 * next pull sends it (a delete leaves a tombstone for the pull to turn into a `del`).
 */
export function pgSavedViewTx(ctx: MutationContext): Omit<SavedViewTx, 'role' | 'now'> {
  const { tx, organisationId, version } = ctx;
  return {
    userId: ctx.userId,

    async getSavedView(id) {
      const [row] = await tx<SavedViewRow[]>`
        select id, owner_id, name, shared, state, updated_at from saved_views
        where id = ${id} and organisation_id = ${organisationId} and not deleted`;
      return row && rowToSavedView(row);
    },

    async putSavedView(view) {
      const row = {
        id: view.id,
        organisation_id: organisationId,
        owner_id: view.ownerId,
        name: view.name,
        shared: view.shared,
        state: tx.json(view.state as unknown as JSONValue),
        deleted: false,
        version,
        updated_at: view.updatedAt,
      };
      // Ids are global: the WHERE keeps an id another organisation owns out of reach.
      await tx`
        insert into saved_views ${tx(row)}
        on conflict (id) do update set ${tx(row, 'name', 'shared', 'state', 'deleted', 'version', 'updated_at')}
        where saved_views.organisation_id = ${organisationId}`;
    },

    async deleteSavedView(id) {
      await tx`
        update saved_views set deleted = true, version = ${version}, updated_at = ${ctx.now}
        where id = ${id} and organisation_id = ${organisationId}`;
      // Whoever had it as their default falls back to the built-in one, on every device.
      await tx`
        update users set default_view_id = null, default_view_version = ${version}
        where default_view_id = ${id}`;
    },

    async setDefaultView(id) {
      await tx`update users set default_view_id = ${id}, default_view_version = ${version} where id = ${ctx.userId}`;
    },
  };
}

export function rowToSavedView(row: SavedViewRow & { owner_name?: string }): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    ownerId: row.owner_id,
    ...(row.owner_name ? { ownerName: row.owner_name } : {}),
    state: row.state,
    updatedAt: row.updated_at.toISOString(),
  };
}

export type { SavedViewRow };
