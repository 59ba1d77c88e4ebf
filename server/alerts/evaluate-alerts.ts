import type { Sql } from 'postgres';
import { nextAlertState, type AlertRule } from '../../shared/alert-rule.js';
import { rowToRule, type AlertRuleRow } from './alert-rule-store.js';
import { alertValues } from './alert-values.js';

interface Transition {
  rule: AlertRule;
  customerId: string;
  kind: 'fired' | 'cleared';
  value: number;
}

/**
 * Judges the enabled alert rules for `customerIds` at `now` and records what changed:
 *
 * 1. The rules of those customers' organisations, and each rule's figure per customer.
 * 2. Hysteresis per (rule, customer): a quiet pair fires when its figure crosses the
 *    threshold, a firing pair clears once the figure is back past the reset threshold.
 * 3. Per organisation, in one transaction: the events (fired, cleared) for the card, the
 *    alerts log and later delivery; the new states; and for a rule with a penalty, the
 *    customer goes into `penalty` until now + the penalty (an active customer only; one
 *    already in penalty keeps its earlier status to return to and the later end). A
 *    penalty is a synced change: under the organisation lock, with a new space version.
 *
 * Returns the organisations whose customers changed (to be poked).
 */
export async function evaluateAlerts(sql: Sql, customerIds: readonly string[], now: Date): Promise<Set<string>> {
  const touched = new Set<string>();
  if (customerIds.length === 0) return touched;
  // 1.
  const ruleRows = await sql<AlertRuleRow[]>`
    select * from alert_rules where enabled and organisation_id in (
      select distinct organisation_id from customers where id = any(${customerIds as string[]}::uuid[]))`;
  if (ruleRows.length === 0) return touched;
  const rules = ruleRows.map(rowToRule);
  const orgOf = new Map(ruleRows.map((r) => [r.id, r.organisation_id]));
  const values = await alertValues(sql, rules, orgOf, customerIds, now);
  const states = await sql<{ rule_id: string; customer_id: string }[]>`
    select rule_id, customer_id from alert_states where customer_id = any(${customerIds as string[]}::uuid[])`;
  const firing = new Set(states.map((s) => `${s.rule_id}/${s.customer_id}`));

  // 2.
  const byOrg = new Map<string, Transition[]>();
  for (const rule of rules) {
    for (const [customerId, value] of values.get(rule.id) ?? []) {
      const next = nextAlertState(rule, firing.has(`${rule.id}/${customerId}`), value);
      if (next === 'stay') continue;
      const org = orgOf.get(rule.id)!;
      const list = byOrg.get(org) ?? byOrg.set(org, []).get(org)!;
      list.push({ rule, customerId, kind: next === 'fire' ? 'fired' : 'cleared', value });
    }
  }

  // 3.
  for (const [org, transitions] of byOrg) {
    if (await recordTransitions(sql, org, transitions, now)) touched.add(org);
  }
  return touched;
}

/** Returns true when a penalty changed a customer. */
async function recordTransitions(sql: Sql, organisationId: string, transitions: readonly Transition[], now: Date): Promise<boolean> {
  return sql.begin(async (tx) => {
    const penalties = new Map<string, Date>();
    const events = transitions.map((t) => {
      const until = t.kind === 'fired' && t.rule.penaltyMinutes ? new Date(now.getTime() + t.rule.penaltyMinutes * 60_000) : null;
      if (until && until > (penalties.get(t.customerId) ?? new Date(0))) penalties.set(t.customerId, until);
      return {
        organisation_id: organisationId,
        rule_id: t.rule.id,
        rule_name: t.rule.name,
        customer_id: t.customerId,
        kind: t.kind,
        area: t.rule.area,
        value: t.value,
        threshold: t.rule.threshold,
        penalty_until: until,
        at: now,
      };
    });
    await tx`insert into alert_events ${tx(events)}`;
    const fired = transitions.filter((t) => t.kind === 'fired');
    const cleared = transitions.filter((t) => t.kind === 'cleared');
    if (fired.length > 0) {
      await tx`insert into alert_states ${tx(fired.map((t) => ({ rule_id: t.rule.id, customer_id: t.customerId, fired_at: now })))} on conflict do nothing`;
    }
    for (const t of cleared) await tx`delete from alert_states where rule_id = ${t.rule.id} and customer_id = ${t.customerId}`;
    if (penalties.size === 0) return false;
    const [org] = await tx<{ version: string }[]>`update organisations set version = version + 1 where id = ${organisationId} returning version`;
    const rows = [...penalties].map(([id, until]) => ({ id, until: until.toISOString() }));
    const changed = await tx`
      update customers c set
        status_before_penalty = case when c.status = 'penalty' then c.status_before_penalty else c.status end,
        penalty_until = case when c.status = 'penalty' then greatest(c.penalty_until, p.until) else p.until end,
        status = 'penalty',
        version = ${org!.version}
      from jsonb_to_recordset(${tx.json(rows)}) as p(id uuid, until timestamptz)
      where c.id = p.id and c.organisation_id = ${organisationId} and c.status in ('active', 'penalty') and c.deleted_at is null
      returning c.id`;
    return changed.length > 0;
  });
}
