import { assertCan } from '../../shared/auth.js';
import { groupSnapshots, snapshotsById } from '../../shared/bulk-snapshots.js';
import { mutatorArgSchemas } from '../../shared/mutator-args.js';
import { parseOrThrow } from '../../shared/validation.js';
import type { MutationContext } from './mutation-context.js';

/**
 * Undo of a bulk edit: puts each customer's snapshot back (shared `applySnapshot`: the
 * fields the snapshot holds, and no others) in one UPDATE, however many customers the
 * edit touched. Ids travel as one uuid array with the number of their snapshot, and each
 * distinct snapshot once, so 100,000 customers sharing a few snapshots stay a small query.
 */
export async function restoreBulkSnapshotsSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.write');
  // Like the shared mutator: when an id repeats, its last snapshot wins.
  const groups = groupSnapshots(snapshotsById(parseOrThrow(mutatorArgSchemas.restoreBulkSnapshots, raw, 'undo')));
  const ids: string[] = [];
  const groupOf: number[] = [];
  groups.forEach((group, i) => {
    for (const id of group.ids) {
      ids.push(id);
      groupOf.push(i + 1);
    }
  });
  const { tx } = ctx;
  await tx`
    update customers c set
      version = ${ctx.version}, updated_at = ${ctx.now},
      status = case when s.snap ? 'status' then s.snap ->> 'status' else c.status end,
      channels = case when s.snap ? 'channels' then (s.snap ->> 'channels')::integer else c.channels end,
      cps_limit = case when s.snap ? 'cpsLimit' then (s.snap ->> 'cpsLimit')::integer else c.cps_limit end,
      portal_access = case when s.snap ? 'portalAccess' then (s.snap ->> 'portalAccess')::boolean else c.portal_access end,
      country = case when s.snap ? 'country' then s.snap ->> 'country' else c.country end,
      penalty_until = case when s.snap ? 'penaltyUntil' then (s.snap ->> 'penaltyUntil')::timestamptz else c.penalty_until end,
      status_before_penalty = case when s.snap ? 'statusBeforePenalty' then s.snap ->> 'statusBeforePenalty' else c.status_before_penalty end,
      tags = case when s.snap ? 'tags'
        then array(select t from jsonb_array_elements_text(s.snap -> 'tags') with ordinality as e(t, n) order by n)
        else c.tags end
    from (
      select u.id, g.snap
      from unnest(${tx.array(ids)}::uuid[], ${tx.array(groupOf)}::integer[]) as u(id, n)
      join jsonb_array_elements(${tx.json(groups.map((g) => g.snapshot))}) with ordinality as g(snap, n) using (n)
    ) s
    where c.organisation_id = ${ctx.organisationId} and c.id = s.id and c.deleted_at is null`;
}
