import type { TransactionSql } from 'postgres';
import { assertCan } from '../../shared/auth.js';
import { applyTags, type BulkPatch } from '../../shared/customer-patch.js';
import type { CustomerStatus } from '../../shared/customer-status.js';
import { mutatorArgSchemas } from '../../shared/mutator-args.js';
import { parseOrThrow } from '../../shared/validation.js';
import type { MutationContext } from './mutation-context.js';

/**
 * Bulk edit and status change as one UPDATE each, however many customers are selected,
 * producing exactly what the shared `applyBulkPatch` / `withStatus` produce per row
 * (tested against them). Customers that are gone or in the trash are skipped.
 */

/** Like shared `withStatus`: a new status ends a penalty; the same status leaves the row alone. */
function statusAssignments(tx: TransactionSql, status: CustomerStatus) {
  return tx`,
    status = ${status},
    penalty_until = case when c.status = ${status} then c.penalty_until end,
    status_before_penalty = case when c.status = ${status} then c.status_before_penalty end`;
}

type TagChange = NonNullable<BulkPatch['tags']>;

/**
 * New tags per distinct current tag list, computed by the shared `applyTags`. Tag lists
 * repeat a lot (a few hundred distinct lists for 100k customers), and reusing the pure
 * function keeps case folding identical to the client's JavaScript, which Postgres'
 * `lower()` is not for every script.
 */
async function tagRewrites(ctx: MutationContext, ids: string[], change: TagChange) {
  const { tx } = ctx;
  const lists = await tx<{ tags: string[] }[]>`
    select distinct tags from customers
    where organisation_id = ${ctx.organisationId} and id = any(${tx.array(ids)}::uuid[]) and deleted_at is null`;
  return lists.map(({ tags }) => ({ old: tags, new: applyTags(tags, change.mode, change.values) }));
}

export async function bulkUpdateCustomersSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.write');
  const { ids, patch } = parseOrThrow(mutatorArgSchemas.bulkUpdateCustomers, raw, 'bulk edit');
  const { tx } = ctx;
  const sets = [];
  if (patch.status !== undefined) sets.push(statusAssignments(tx, patch.status));
  if (patch.channels !== undefined) sets.push(tx`, channels = ${patch.channels}`);
  if (patch.cpsLimit !== undefined) sets.push(tx`, cps_limit = ${patch.cpsLimit}`);
  if (patch.portalAccess !== undefined) sets.push(tx`, portal_access = ${patch.portalAccess}`);
  if (patch.country !== undefined) sets.push(tx`, country = ${patch.country}`);

  const rewrites = patch.tags && patch.tags.mode !== 'set' ? await tagRewrites(ctx, ids, patch.tags) : undefined;
  if (patch.tags?.mode === 'set') sets.push(tx`, tags = ${tx.array(applyTags([], 'set', patch.tags.values))}::text[]`);
  if (rewrites) sets.push(tx`, tags = array(select t from jsonb_array_elements_text(r.value -> 'new') with ordinality as e(t, n) order by n)`);

  await tx`
    update customers c set version = ${ctx.version}, updated_at = ${ctx.now} ${sets}
    ${rewrites ? tx`from jsonb_array_elements(${tx.json(rewrites)}) as r` : tx``}
    where c.organisation_id = ${ctx.organisationId} and c.id = any(${tx.array(ids)}::uuid[]) and c.deleted_at is null
    ${rewrites ? tx`and to_jsonb(c.tags) = r.value -> 'old'` : tx``}`;
}

export async function setCustomerStatusSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.write');
  const { ids, status } = parseOrThrow(mutatorArgSchemas.setCustomerStatus, raw, 'status change');
  const { tx } = ctx;
  await tx`
    update customers c set version = ${ctx.version}, updated_at = ${ctx.now} ${statusAssignments(tx, status)}
    where c.organisation_id = ${ctx.organisationId} and c.id = any(${tx.array(ids)}::uuid[]) and c.deleted_at is null
      and c.status <> ${status}`;
}
