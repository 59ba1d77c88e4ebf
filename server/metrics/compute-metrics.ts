import type { Sql } from 'postgres';
import { addSums, CPS_WINDOW_SECONDS, sumsToTuple, type CustomerMetrics, type TrafficSums } from '../../shared/metrics.js';

export interface ComputedMetrics {
  customerId: string;
  organisationId: string;
  lastCallAt: Date | null;
  value: CustomerMetrics;
}

interface Row {
  customer_id: string;
  organisation_id: string;
  h1: string | null;
  h24_hours: string | null;
  h24_edge: string | null;
  cps_peak: number | null;
  last_call: Date | null;
  channels: number | null;
  cps_attempts: number | null;
}

const HOUR = 3_600_000;

/** From this many customers on, each window is aggregated over everyone and then joined (see below). */
export const BULK_FROM = 20_000;

/**
 * The figures of `customerIds` at `now`, from the rollups (never the raw records):
 *
 * - last hour: the minutes after now - 1 h;
 * - last 24 hours: the same minute boundary, read as the whole hours after the hour that
 *   holds now - 24 h plus that hour's minutes after the boundary (at most 25 hour rows
 *   and 59 minute rows per customer, instead of 1,440 minutes);
 * - the highest one-second attempt count of the last hour, CPS now over the last 10 s
 *   (finished calls from their records, calls still up from their start events), calls
 *   up now, and the latest call start (the newest hour row's, or what was published; for
 *   a bulk refresh, the last 24 hours' or what was published, since reading every hour
 *   row of every customer is what this avoids).
 *
 * Each part joins the customers asked for (a hash join for many, index lookups for a
 * few), so a first refresh of 100,000 customers costs a few scans, not 100,000 lookups;
 * `= any(array)` filters instead compare every row with the whole array.
 */
export async function computeMetrics(sql: Sql, customerIds: readonly string[], now: Date, opts: { bulk?: boolean } = {}): Promise<ComputedMetrics[]> {
  if (customerIds.length === 0) return [];
  const t = now.getTime();
  const ids = customerIds as string[];
  const hourAgo = new Date(t - HOUR);
  const dayAgo = new Date(t - 24 * HOUR);
  const edgeHourEnd = new Date(Math.floor(dayAgo.getTime() / HOUR) * HOUR + HOUR);
  const cpsFrom = new Date(t - CPS_WINDOW_SECONDS * 1000);
  const sums = (alias: string) => sql.unsafe(
    `concat_ws(',', sum(${alias}.attempts), sum(${alias}.answered), sum(${alias}.talk_ms), sum(${alias}.pdd_sum_ms), ` +
      `sum(${alias}.pdd_count), sum(${alias}.busy), sum(${alias}.no_answer), sum(${alias}.rejected))`,
  );
  // Many customers (a first refresh): aggregate each window over everyone, then join;
  // a few: join first, so only their rows are read (index lookups).
  const bulk = opts.bulk ?? ids.length >= BULK_FROM;
  const only = bulk ? sql`` : sql`join c using (customer_id)`;
  const rows = await sql<Row[]>`
    with c as materialized (select c.id as customer_id, c.organisation_id from unnest(${ids}::uuid[]) as i(id) join customers c using (id)),
    h1 as (
      select m.customer_id, ${sums('m')} as s, max(m.cps_peak) as cps_peak from customer_minute_rollups m
      ${only} where m.minute > ${hourAgo} group by 1),
    d_hours as (
      select h.customer_id, ${sums('h')} as s, max(h.last_started_at) as last from customer_hour_rollups h
      ${only} where h.hour >= ${edgeHourEnd} group by 1),
    d_edge as (
      select e.customer_id, ${sums('e')} as s, max(e.last_started_at) as last from customer_minute_rollups e
      ${only} where e.minute > ${dayAgo} and e.minute < ${edgeHourEnd} group by 1),
    live as (
      select customer_id, count(*) filter (where expires_at > ${now})::int as channels,
        count(*) filter (where started_at > ${cpsFrom} and started_at <= ${now})::int as starts
      from live_calls ${only} group by 1),
    cps as (
      select customer_id, sum(attempts)::int as attempts from customer_second_attempts
      ${only} where second > ${cpsFrom} and second <= ${now} group by 1)
    select c.customer_id, c.organisation_id, h1.s as h1, d_hours.s as h24_hours, d_edge.s as h24_edge, h1.cps_peak,
      ${
        bulk
          ? sql`greatest(pm.last_call_at, d_hours.last, d_edge.last)`
          : sql`greatest(pm.last_call_at, (select l.last_started_at from customer_hour_rollups l
              where l.customer_id = c.customer_id and l.last_started_at is not null order by l.hour desc limit 1))`
      } as last_call,
      live.channels,
      coalesce(cps.attempts, 0) + coalesce(live.starts, 0) as cps_attempts
    from c
    left join h1 using (customer_id)
    left join d_hours using (customer_id)
    left join d_edge using (customer_id)
    left join live using (customer_id)
    left join cps using (customer_id)
    left join customer_metrics pm on pm.customer_id = c.customer_id`;
  return rows.map((r) => {
    const value: CustomerMetrics = {
      h1: sumsToTuple(parseSums(r.h1)),
      h24: sumsToTuple(addSums(parseSums(r.h24_hours), parseSums(r.h24_edge))),
      cps: Math.round(((r.cps_attempts ?? 0) / CPS_WINDOW_SECONDS) * 10) / 10,
      cpsPeak: r.cps_peak ?? 0,
      ch: r.channels ?? 0,
      ...(r.last_call ? { last: r.last_call.getTime() } : {}),
      at: t,
    };
    return { customerId: r.customer_id, organisationId: r.organisation_id, lastCallAt: r.last_call, value };
  });
}

/** Sums from "a,b,c,..." (absent: no rows in the window, all zero). */
function parseSums(text: string | null): TrafficSums {
  const v = (text ?? '').split(',').map(Number);
  const n = (i: number) => (Number.isFinite(v[i]) ? v[i]! : 0);
  return { attempts: n(0), answered: n(1), talkMs: n(2), pddSumMs: n(3), pddCount: n(4), busy: n(5), noAnswer: n(6), rejected: n(7) };
}
