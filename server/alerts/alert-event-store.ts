import type { AlertEvent } from '../../shared/alert-rule.js';
import type { Queryable } from '../db/queryable.js';

interface EventRow {
  id: string;
  rule_id: string | null;
  rule_name: string;
  customer_id: string;
  customer_name: string;
  kind: AlertEvent['kind'];
  area: AlertEvent['area'];
  value: string | null;
  threshold: string;
  penalty_until: Date | null;
  at: Date;
}

/** The alerts log, newest first: the organisation's, or one customer's for the card. */
export async function listAlertEvents(sql: Queryable, organisationId: string, opts: { customerId?: string | undefined; limit: number; before?: string | undefined }): Promise<AlertEvent[]> {
  const rows = await sql<EventRow[]>`
    select e.id::text as id, e.rule_id, e.rule_name, e.customer_id, c.name as customer_name, e.kind, e.area, e.value::text as value,
      e.threshold::text as threshold, e.penalty_until, e.at
    from alert_events e join customers c on c.id = e.customer_id
    where e.organisation_id = ${organisationId}
      ${opts.customerId ? sql`and e.customer_id = ${opts.customerId}` : sql``}
      ${opts.before ? sql`and e.id < ${opts.before}` : sql``}
    order by e.id desc
    limit ${opts.limit}`;
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    kind: r.kind,
    area: r.area,
    value: r.value === null ? null : Number(r.value),
    threshold: Number(r.threshold),
    penaltyUntil: r.penalty_until?.toISOString() ?? null,
    at: r.at.toISOString(),
  }));
}
