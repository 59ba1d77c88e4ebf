import type { Sql } from 'postgres';
import { TRAFFIC_AREAS, type AlertRule } from '../../shared/alert-rule.js';
import { acdSeconds, asrPercent, pddSeconds, type TrafficSums } from '../../shared/metrics.js';

/** A rule's figure per customer; absent when there is nothing to judge (too few attempts, no answered call). */
export type AlertValues = Map<string, number>;

interface TrafficRow {
  customer_id: string;
  attempts: string;
  answered: string;
  talk_ms: string;
  pdd_sum_ms: string;
  pdd_count: string;
}

interface CustomerRow {
  id: string;
  organisation_id: string;
  credit: string;
  debit_limit: string;
  tags: string[];
  channels: number;
}

/**
 * The figure each rule judges, for the customers it targets among `customerIds`: credit
 * and available credit from the customer, channels from the calls up now, ASR, ACD and
 * PDD from the rollups over the rule's sample period (with at least `minAttempts`).
 */
export async function alertValues(
  sql: Sql,
  rules: readonly AlertRule[],
  organisationOf: ReadonlyMap<string, string>,
  customerIds: readonly string[],
  now: Date,
): Promise<Map<string, AlertValues>> {
  const out = new Map<string, AlertValues>();
  if (rules.length === 0 || customerIds.length === 0) return out;
  const customers = await sql<CustomerRow[]>`
    select c.id, c.organisation_id, c.credit::text as credit, c.debit_limit::text as debit_limit, c.tags,
      (select count(*) from live_calls l where l.customer_id = c.id and l.expires_at > ${now})::int as channels
    from customers c where c.id = any(${customerIds as string[]}::uuid[]) and c.deleted_at is null`;
  const traffic = new Map<number, Map<string, TrafficSums>>();
  for (const minutes of new Set(rules.filter((r) => TRAFFIC_AREAS.includes(r.area)).map((r) => r.sampleMinutes))) {
    traffic.set(minutes, await trafficOver(sql, customerIds, minutes, now));
  }
  for (const rule of rules) {
    const values: AlertValues = new Map();
    for (const c of customers) {
      // A rule is its organisation's: "all customers" never reaches another's.
      if (c.organisation_id !== organisationOf.get(rule.id) || !targets(rule, c)) continue;
      const value = valueOf(rule, c, traffic.get(rule.sampleMinutes)?.get(c.id));
      if (value !== undefined) values.set(c.id, value);
    }
    out.set(rule.id, values);
  }
  return out;
}

function targets(rule: AlertRule, c: CustomerRow): boolean {
  if (rule.target.kind === 'all') return true;
  if (rule.target.kind === 'customer') return rule.target.customerId === c.id;
  return c.tags.includes(rule.target.tag);
}

function valueOf(rule: AlertRule, c: CustomerRow, sums: TrafficSums | undefined): number | undefined {
  switch (rule.area) {
    case 'credit':
      return Number(c.credit);
    case 'available_credit':
      return Number(c.credit) + Number(c.debit_limit);
    case 'channels':
      return c.channels;
    default: {
      if (!sums || sums.attempts < Math.max(1, rule.minAttempts)) return undefined;
      return rule.area === 'asr' ? asrPercent(sums) : rule.area === 'acd' ? acdSeconds(sums) : pddSeconds(sums);
    }
  }
}

async function trafficOver(sql: Sql, customerIds: readonly string[], minutes: number, now: Date): Promise<Map<string, TrafficSums>> {
  const from = new Date(now.getTime() - minutes * 60_000);
  const rows = await sql<TrafficRow[]>`
    select customer_id, sum(attempts) as attempts, sum(answered) as answered, sum(talk_ms) as talk_ms,
      sum(pdd_sum_ms) as pdd_sum_ms, sum(pdd_count) as pdd_count
    from customer_minute_rollups join unnest(${customerIds as string[]}::uuid[]) as c(customer_id) using (customer_id)
    where minute > ${from}
    group by customer_id`;
  return new Map(
    rows.map((r) => [
      r.customer_id,
      { attempts: +r.attempts, answered: +r.answered, talkMs: +r.talk_ms, pddSumMs: +r.pdd_sum_ms, pddCount: +r.pdd_count, busy: 0, noAnswer: 0, rejected: 0 },
    ]),
  );
}
