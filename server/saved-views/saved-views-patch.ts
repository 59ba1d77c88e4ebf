import type { TransactionSql } from 'postgres';
import { DEFAULT_VIEW_KEY, savedViewKey } from '../../shared/keys.js';
import type { Session } from '../http/app-env.js';
import type { PatchOperation } from '../sync/pull.js';
import { rowToSavedView, type SavedViewRow } from './pg-saved-view-tx.js';

/**
 * The saved views a pull from `base` sends: every view changed since, put where this user
 * sees it (their own, or shared) and deleted everywhere else, so a view that stops being
 * shared, or is deleted, leaves the other devices too. Then the user's default view when it
 * changed. A fresh device (base 0) gets only what it sees. Views are few per organisation:
 * they ride on the final page of a pull, unpaged.
 */
export async function savedViewsPatch(tx: TransactionSql, session: Session, base: number): Promise<PatchOperation[]> {
  const me = session.user.id;
  const rows = await tx<(SavedViewRow & { deleted: boolean; owner_name: string })[]>`
    select v.id, v.owner_id, v.name, v.shared, v.state, v.updated_at, v.deleted, u.name as owner_name
    from saved_views v join users u on u.id = v.owner_id
    where v.organisation_id = ${session.organisationId} and v.version > ${base}`;
  const patch: PatchOperation[] = [];
  for (const row of rows) {
    const visible = !row.deleted && (row.shared || row.owner_id === me);
    if (visible) patch.push({ op: 'put', key: savedViewKey(row.id), value: rowToSavedView(row) });
    else if (base > 0) patch.push({ op: 'del', key: savedViewKey(row.id) });
  }
  const [user] = await tx<{ default_view_id: string | null; default_view_version: string }[]>`
    select default_view_id, default_view_version from users where id = ${me}`;
  if (user && (base === 0 || Number(user.default_view_version) > base)) patch.push({ op: 'put', key: DEFAULT_VIEW_KEY, value: { id: user.default_view_id } });
  return patch;
}
