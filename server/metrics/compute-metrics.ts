import type { Sql } from 'postgres';
import { CPS_WINDOW_SECONDS, sumsToTuple, type CustomerMetrics, type TrafficSums } from '../../shared/metrics.js';

export interface ComputedMetrics {
  customerId: string;
  organisationId: string;
  lastCallAt: Date | null;
  value: CustomerMetrics;
}

interface Row {
  customer_id: string;
  organisation_id: string;
  h1: string[];
  h24: string[];
  cps_peak: number;
  last_call: Date | null;
  channels: number;
  cps_attempts: number;
}

/**
 * The figures of `customerIds` at `now`, from the per-minute rollups (never the raw
 * records): sums over the minutes of the last hour and the last 24 hours, the highest
 * one-second attempt count of the last hour, CPS now over the last 10 seconds (finished
 * calls from their records, calls still up from their start events), live channels and
 * the latest call start.
 */
export async function computeMetrics(sql: Sql, customerIds: readonly string[], now: Date): Promise<ComputedMetrics[]> {
  if (customerIds.length === 0) return [];
  const t = now.getTime();
  const hourAgo = new Date(t - 3_600_000);
  const dayAgo = new Date(t - 86_400_000);
  const cpsFrom = new Date(t - CPS_WINDOW_SECONDS * 1000);
  const rows = await sql<Row[]>`
    with c as (select unnest(${customerIds as string[]}::uuid[]) as customer_id)
    select c.customer_id, cu.organisation_id,
      array[sum(r.attempts) filter (where r.minute > ${hourAgo}), sum(r.answered) filter (where r.minute > ${hourAgo}),
        sum(r.talk_ms) filter (where r.minute > ${hourAgo}), sum(r.pdd_sum_ms) filter (where r.minute > ${hourAgo}),
        sum(r.pdd_count) filter (where r.minute > ${hourAgo}), sum(r.busy) filter (where r.minute > ${hourAgo}),
        sum(r.no_answer) filter (where r.minute > ${hourAgo}), sum(r.rejected) filter (where r.minute > ${hourAgo})]::text[] as h1,
      array[sum(r.attempts), sum(r.answered), sum(r.talk_ms), sum(r.pdd_sum_ms), sum(r.pdd_count), sum(r.busy),
        sum(r.no_answer), sum(r.rejected)]::text[] as h24,
      coalesce(max(r.cps_peak) filter (where r.minute > ${hourAgo}), 0)::int as cps_peak,
      (select l.last_started_at from customer_minute_rollups l where l.customer_id = c.customer_id order by l.minute desc limit 1) as last_call,
      (select count(*) from live_calls lc where lc.customer_id = c.customer_id and lc.expires_at > ${now})::int as channels,
      (coalesce((select sum(s.attempts) from customer_second_attempts s where s.customer_id = c.customer_id
          and s.second > ${cpsFrom} and s.second <= ${now}), 0)
        + (select count(*) from live_calls lc where lc.customer_id = c.customer_id and lc.started_at > ${cpsFrom}
          and lc.started_at <= ${now}))::int as cps_attempts
    from c
    join customers cu on cu.id = c.customer_id
    left join customer_minute_rollups r on r.customer_id = c.customer_id and r.minute > ${dayAgo}
    group by c.customer_id, cu.organisation_id`;
  return rows.map((r) => {
    const value: CustomerMetrics = {
      h1: sumsToTuple(toSums(r.h1)),
      h24: sumsToTuple(toSums(r.h24)),
      cps: Math.round((r.cps_attempts / CPS_WINDOW_SECONDS) * 10) / 10,
      cpsPeak: r.cps_peak,
      ch: r.channels,
      ...(r.last_call ? { last: r.last_call.getTime() } : {}),
      at: t,
    };
    return { customerId: r.customer_id, organisationId: r.organisation_id, lastCallAt: r.last_call, value };
  });
}

/** A window's sums from the text array; a sum over no minutes arrives as NULL (text "NULL"): zero. */
function toSums(values: readonly (string | null)[]): TrafficSums {
  const n = (i: number) => {
    const v = Number(values[i]);
    return Number.isFinite(v) ? v : 0;
  };
  return { attempts: n(0), answered: n(1), talkMs: n(2), pddSumMs: n(3), pddCount: n(4), busy: n(5), noAnswer: n(6), rejected: n(7) };
}
