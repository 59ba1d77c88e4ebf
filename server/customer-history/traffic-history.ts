import type { Sql } from 'postgres';
import { ZERO_SUMS, addSums } from '../../shared/metrics.js';
import { bucketSecondsFor, HOURLY_FROM_MS, type TrafficHistory, type TrafficPoint } from '../../shared/traffic-history.js';

interface BucketRow {
  t: Date;
  attempts: string;
  answered: string;
  talk_ms: string;
  pdd_sum_ms: string;
  pdd_count: string;
  busy: string;
  no_answer: string;
  rejected: string;
  cps_peak: number;
  channels_peak: number;
}

/**
 * One customer's traffic between `from` and `to` in buckets of whole minutes (at most
 * 500 points), from the per-minute rollups (per-hour ones past two days); the balance over the same time from the
 * ledger. The sums are additive, so the client computes ASR, ACD and PDD per bucket with
 * the shared formulas, and the totals are the figures for the window staff chose.
 */
export async function trafficHistory(sql: Sql, organisationId: string, customerId: string, from: Date, to: Date): Promise<TrafficHistory | undefined> {
  const [customer] = await sql`select 1 from customers where id = ${customerId} and organisation_id = ${organisationId}`;
  if (!customer) return undefined;
  const bucketSeconds = bucketSecondsFor(from.getTime(), to.getTime());
  const hourly = bucketSeconds % 3600 === 0 && to.getTime() - from.getTime() > HOURLY_FROM_MS;
  const table = hourly ? sql`customer_hour_rollups` : sql`customer_minute_rollups`;
  const at = hourly ? sql`hour` : sql`minute`;
  const rows = await sql<BucketRow[]>`
    select date_bin(make_interval(secs => ${bucketSeconds}), ${at}, ${from}) as t,
      sum(attempts) as attempts, sum(answered) as answered, sum(talk_ms) as talk_ms, sum(pdd_sum_ms) as pdd_sum_ms,
      sum(pdd_count) as pdd_count, sum(busy) as busy, sum(no_answer) as no_answer, sum(rejected) as rejected,
      max(cps_peak)::int as cps_peak, max(peak_channels)::int as channels_peak
    from ${table}
    where customer_id = ${customerId} and ${at} >= ${from} and ${at} < ${to}
    group by 1 order by 1`;
  const points: TrafficPoint[] = rows.map((r) => ({
    t: r.t.getTime(),
    attempts: +r.attempts,
    answered: +r.answered,
    talkMs: +r.talk_ms,
    pddSumMs: +r.pdd_sum_ms,
    pddCount: +r.pdd_count,
    busy: +r.busy,
    noAnswer: +r.no_answer,
    rejected: +r.rejected,
    cpsPeak: r.cps_peak,
    channelsPeak: r.channels_peak,
  }));
  const credit = await sql<{ t: Date; balance: string }[]>`
    with running as (
      select created_at, sum(amount) over (order by id) as balance, id from balance_ledger where customer_id = ${customerId}
    ),
    opening as (
      select ${from}::timestamptz as t, balance from running where created_at < ${from} order by id desc limit 1
    ),
    binned as (
      select date_bin(make_interval(secs => ${bucketSeconds}), created_at, ${from}) as t, balance, id
      from running where created_at >= ${from} and created_at < ${to}
    ),
    buckets as (select distinct on (t) t, balance from binned order by t, id desc)
    select t, balance::text as balance from opening union all select t, balance::text from buckets order by t`;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucketSeconds,
    points,
    credit: credit.map((c) => ({ t: c.t.getTime(), balance: c.balance })),
    totals: points.reduce(addSums, ZERO_SUMS),
  };
}
