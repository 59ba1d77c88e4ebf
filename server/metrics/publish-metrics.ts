import type { Sql } from 'postgres';
import type { ComputedMetrics } from './compute-metrics.js';

/**
 * Stores the figures of one organisation's customers as synced entries, in one
 * transaction: under the organisation lock that orders every synced change, the space
 * version moves on and only the rows whose figures differ (the computation time aside)
 * get it, so clients pull only what changed. Returns how many changed.
 */
export async function publishMetrics(sql: Sql, organisationId: string, computed: readonly ComputedMetrics[]): Promise<number> {
  if (computed.length === 0) return 0;
  const rows = computed.map((m) => ({ customer_id: m.customerId, last_call_at: m.lastCallAt?.toISOString() ?? null, value: m.value }));
  return sql.begin(async (tx) => {
    const [org] = await tx<{ version: string }[]>`
      update organisations set version = version + 1 where id = ${organisationId} returning version`;
    const changed = await tx`
      insert into customer_metrics as m (customer_id, organisation_id, version, last_call_at, value)
      select r.customer_id, ${organisationId}, ${org!.version}, r.last_call_at, r.value
      from jsonb_to_recordset(${tx.json(rows)}) as r(customer_id uuid, last_call_at timestamptz, value jsonb)
      join customers c on c.id = r.customer_id
      order by r.customer_id
      on conflict (customer_id) do update set value = excluded.value, version = excluded.version, last_call_at = excluded.last_call_at
      where (m.value - 'at') is distinct from (excluded.value - 'at')`;
    return changed.count;
  });
}
