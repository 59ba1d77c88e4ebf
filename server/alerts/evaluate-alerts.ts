import type { Sql, TransactionSql } from 'postgres';
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
 * 3. Per organisation, in one transaction: the new states; the events (fired, cleared)
 *    for the card, the alerts log and later delivery; and for a rule with a penalty, the
 *    customer goes into `penalty` until now + the penalty (an active customer only; one
 *    already in penalty keeps its earlier status to return to and the later end). A
 *    penalty is a synced change: under the organisation lock, with a new space version.
 *
 * Two judges at once (a refresh lock lost between its check and the work) must not log a
 * firing twice or start two penalties, so step 3 does not trust the states read in step
 * 1: it writes each state change conditionally (insert if absent, delete if present) and
 * records events and penalties only for the changes its own statements made.
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

const pairKey = (ruleId: string, customerId: string) => `${ruleId}/${customerId}`;

/** Returns true when a penalty changed a customer. */
async function recordTransitions(sql: Sql, organisationId: string, transitions: readonly Transition[], now: Date): Promise<boolean> {
  return sql.begin(async (tx) => {
    // Judges of one organisation take turns: state changes in one order, no deadlock.
    await tx`select 1 from organisations where id = ${organisationId} for update`;
    const made = await changeStates(tx, transitions, now);
    if (made.length === 0) return false;
    const penalties = new Map<string, Date>();
    const events = made.map((t) => {
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

/**
 * Writes the state changes of `transitions` where they are still to be made: a firing
 * inserts its state unless present, a clearing deletes it if present. Returns the
 * transitions these statements made; the others were made already, by another judge.
 */
async function changeStates(tx: TransactionSql, transitions: readonly Transition[], now: Date): Promise<Transition[]> {
  const byPair = new Map(transitions.map((t) => [pairKey(t.rule.id, t.customerId), t]));
  const pairs = (kind: Transition['kind']) =>
    transitions
      .filter((t) => t.kind === kind)
      .map((t) => ({ rule_id: t.rule.id, customer_id: t.customerId }))
      .sort((a, b) => pairKey(a.rule_id, a.customer_id).localeCompare(pairKey(b.rule_id, b.customer_id)));
  const fire = pairs('fired');
  const clear = pairs('cleared');
  const fired = fire.length === 0 ? [] : await tx<StateKey[]>`
    insert into alert_states ${tx(fire.map((p) => ({ ...p, fired_at: now })))}
    on conflict do nothing
    returning rule_id, customer_id`;
  const cleared = clear.length === 0 ? [] : await tx<StateKey[]>`
    delete from alert_states s
    using jsonb_to_recordset(${tx.json(clear)}) as p(rule_id uuid, customer_id uuid)
    where s.rule_id = p.rule_id and s.customer_id = p.customer_id
    returning s.rule_id, s.customer_id`;
  return [...fired, ...cleared].map((k) => byPair.get(pairKey(k.rule_id, k.customer_id))!);
}

interface StateKey {
  rule_id: string;
  customer_id: string;
}
