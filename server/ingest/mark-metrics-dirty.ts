import type { TransactionSql } from 'postgres';

/**
 * Marks customers for the next metrics refresh (see `metricsCandidates`), in the writer's
 * transaction. Sorted, so two writers take the marks in one order and never wait on each
 * other in a circle. A mark that exists already is updated rather than skipped: the update
 * locks it until this transaction commits, and the refresh leaves locked marks for its next
 * round, so it never computes figures before the records that changed them are visible.
 */
export async function markMetricsDirty(tx: TransactionSql, organisationId: string, customerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(customerIds)].sort();
  if (ids.length === 0) return;
  await tx`
    insert into customer_metrics_dirty (customer_id, organisation_id)
    select unnest(${ids}::uuid[]), ${organisationId}
    on conflict (customer_id) do update set organisation_id = excluded.organisation_id`;
}
