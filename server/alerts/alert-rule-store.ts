import type { Sql } from 'postgres';
import type { AlertRule, AlertRuleValues } from '../../shared/alert-rule.js';
import { AppError } from '../../shared/errors.js';
import type { Queryable } from '../db/queryable.js';

export interface AlertRuleRow {
  id: string;
  organisation_id: string;
  name: string;
  area: AlertRule['area'];
  operator: AlertRule['operator'];
  threshold: string;
  reset_threshold: string;
  sample_minutes: number;
  min_attempts: number;
  target_kind: 'customer' | 'tag' | 'all';
  target_customer_id: string | null;
  target_tag: string | null;
  penalty_minutes: number | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export function rowToRule(r: AlertRuleRow): AlertRule {
  const target: AlertRule['target'] =
    r.target_kind === 'customer' ? { kind: 'customer', customerId: r.target_customer_id! } : r.target_kind === 'tag' ? { kind: 'tag', tag: r.target_tag! } : { kind: 'all' };
  return {
    id: r.id,
    name: r.name,
    area: r.area,
    operator: r.operator,
    threshold: Number(r.threshold),
    resetThreshold: Number(r.reset_threshold),
    sampleMinutes: r.sample_minutes,
    minAttempts: r.min_attempts,
    target,
    penaltyMinutes: r.penalty_minutes,
    enabled: r.enabled,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function columns(v: AlertRuleValues) {
  return {
    name: v.name,
    area: v.area,
    operator: v.operator,
    threshold: v.threshold,
    reset_threshold: v.resetThreshold,
    sample_minutes: v.sampleMinutes,
    min_attempts: v.minAttempts,
    target_kind: v.target.kind,
    target_customer_id: v.target.kind === 'customer' ? v.target.customerId : null,
    target_tag: v.target.kind === 'tag' ? v.target.tag : null,
    penalty_minutes: v.penaltyMinutes,
    enabled: v.enabled,
  };
}

export async function listAlertRules(sql: Queryable, organisationId: string): Promise<AlertRule[]> {
  const rows = await sql<AlertRuleRow[]>`select * from alert_rules where organisation_id = ${organisationId} order by name, id`;
  return rows.map(rowToRule);
}

/**
 * Creates or replaces a rule. Its targets are marked for the next refresh, so a new or
 * changed rule is evaluated at once, not only when their traffic next changes. A changed
 * rule starts quiet: its firing states measured the old rule, so they are dropped.
 */
export async function saveAlertRule(sql: Sql, organisationId: string, values: AlertRuleValues, id?: string): Promise<AlertRule> {
  return sql.begin(async (tx) => {
    if (values.target.kind === 'customer') {
      const [c] = await tx`select 1 from customers where id = ${values.target.customerId} and organisation_id = ${organisationId}`;
      if (!c) throw new AppError('invalid_input', 'That customer does not exist.', [{ path: 'target.customerId', message: 'No such customer' }]);
    }
    const row = columns(values);
    const [saved] = id
      ? await tx<AlertRuleRow[]>`
          update alert_rules set ${tx(row)}, updated_at = now() where id = ${id} and organisation_id = ${organisationId} returning *`
      : await tx<AlertRuleRow[]>`insert into alert_rules ${tx({ ...row, organisation_id: organisationId })} returning *`;
    if (!saved) throw new AppError('not_found', 'That alert rule does not exist.');
    if (id) await tx`delete from alert_states where rule_id = ${id}`;
    await tx`
      insert into customer_metrics_dirty (customer_id, organisation_id)
      select id, organisation_id from customers
      where organisation_id = ${organisationId} and deleted_at is null
        and (${row.target_kind} = 'all' or id = ${row.target_customer_id} or ${row.target_tag} = any(tags))
      on conflict (customer_id) do update set organisation_id = excluded.organisation_id`;
    return rowToRule(saved);
  });
}

export async function deleteAlertRule(sql: Queryable, organisationId: string, id: string): Promise<void> {
  const rows = await sql`delete from alert_rules where id = ${id} and organisation_id = ${organisationId} returning id`;
  if (rows.length === 0) throw new AppError('not_found', 'That alert rule does not exist.');
}
