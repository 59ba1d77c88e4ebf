import { assertCan } from '../../shared/auth.js';
import { mutatorArgSchemas } from '../../shared/mutator-args.js';
import { parseOrThrow } from '../../shared/validation.js';
import type { MutationContext } from './mutation-context.js';

/**
 * Undo of a bulk edit: puts each customer's snapshot back (shared `applySnapshot`) in one
 * UPDATE joined to the snapshots, however many customers the edit touched.
 */
export async function restoreBulkSnapshotsSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.write');
  const { entries } = parseOrThrow(mutatorArgSchemas.restoreBulkSnapshots, raw, 'undo');
  // Like the shared mutator's Map: when an id repeats, its last snapshot wins.
  const byId = new Map(entries.map((e) => [e.id, e.snapshot]));
  const rows = [...byId].map(([id, s]) => ({
    id,
    status: s.status,
    channels: s.channels,
    cps_limit: s.cpsLimit,
    portal_access: s.portalAccess,
    country: s.country,
    tags: s.tags,
    penalty_until: s.penaltyUntil,
    status_before_penalty: s.statusBeforePenalty,
  }));
  const { tx } = ctx;
  await tx`
    update customers c set
      version = ${ctx.version}, updated_at = ${ctx.now},
      status = s.status, channels = s.channels, cps_limit = s.cps_limit, portal_access = s.portal_access,
      country = s.country, penalty_until = s.penalty_until, status_before_penalty = s.status_before_penalty,
      tags = array(select t from jsonb_array_elements_text(s.tags) with ordinality as e(t, n) order by n)
    from jsonb_to_recordset(${tx.json(rows)}) as s(
      id uuid, status text, channels integer, cps_limit integer, portal_access boolean, country text,
      tags jsonb, penalty_until timestamptz, status_before_penalty text)
    where c.organisation_id = ${ctx.organisationId} and c.id = s.id and c.deleted_at is null`;
}
