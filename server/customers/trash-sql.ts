import { assertCan } from '../../shared/auth.js';
import { mutatorArgSchemas } from '../../shared/mutator-args.js';
import { parseOrThrow } from '../../shared/validation.js';
import type { MutationContext } from './mutation-context.js';
import { duplicateAccountRefError, duplicateNameError } from './unique-violations.js';

/**
 * Soft delete and restore, one UPDATE each. A customer in the trash keeps syncing with
 * `deletedAt` set, so the trash view works offline; restore clears it.
 */

export async function deleteCustomersSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.delete');
  const { ids } = parseOrThrow(mutatorArgSchemas.deleteCustomers, raw, 'delete');
  const { tx } = ctx;
  await tx`
    update customers set deleted_at = ${ctx.now}, updated_at = ${ctx.now}, version = ${ctx.version}
    where organisation_id = ${ctx.organisationId} and id = any(${tx.array(ids)}::uuid[]) and deleted_at is null`;
}

export async function restoreCustomersSql(ctx: MutationContext, raw: unknown): Promise<void> {
  assertCan(ctx.role, 'customers.delete');
  const { ids } = parseOrThrow(mutatorArgSchemas.restoreCustomers, raw, 'restore');
  await refuseRestoreConflicts(ctx, ids);
  const { tx } = ctx;
  await tx`
    update customers set deleted_at = null, updated_at = ${ctx.now}, version = ${ctx.version}
    where organisation_id = ${ctx.organisationId} and id = any(${tx.array(ids)}::uuid[]) and deleted_at is not null`;
}

/**
 * Names and account references are unique among live customers only, so bringing one
 * back can collide with a live customer or with another one restored alongside it.
 * Checked first so the refusal names the customer instead of quoting an index.
 */
async function refuseRestoreConflicts(ctx: MutationContext, ids: string[]): Promise<void> {
  const { tx, organisationId: org } = ctx;
  const [clash] = await tx<{ kind: 'name' | 'account_ref'; value: string }[]>`
    with r as (
      select id, name, account_ref from customers
      where organisation_id = ${org} and id = any(${tx.array(ids)}::uuid[]) and deleted_at is not null
    )
    (select 'name' as kind, r.name as value from r
      join customers l on l.organisation_id = ${org} and l.deleted_at is null and lower(l.name) = lower(r.name) limit 1)
    union all
    (select 'name', min(name) from r group by lower(name) having count(*) > 1 limit 1)
    union all
    (select 'account_ref', r.account_ref from r
      join customers l on l.organisation_id = ${org} and l.deleted_at is null and l.account_ref = r.account_ref limit 1)
    union all
    (select 'account_ref', min(account_ref) from r where account_ref is not null group by account_ref having count(*) > 1 limit 1)
    limit 1`;
  if (!clash) return;
  throw clash.kind === 'name' ? duplicateNameError(clash.value) : duplicateAccountRefError(clash.value);
}
