import type postgres from 'postgres';
import { CdrPartitions, dayStart } from '../../server/ingest/cdr-partitions.js';

/**
 * Replaces all traffic with `count` call records spread over the 24 hours before `now`
 * across every customer,
 * straight into PostgreSQL (sending 10 million records through the API would take the
 * bench longer than the measurement), then builds the per-minute rollups from them with
 * one aggregate: the same counters the ingest keeps (the refresh measurement checks the
 * figures from both agree for every customer).
 */
export async function seedTraffic(sql: postgres.Sql, count: number, now: Date, chunk = 1_000_000): Promise<void> {
  const t = now.getTime();
  await sql`truncate cdrs, customer_minute_rollups, customer_hour_rollups, customer_second_attempts, customer_metrics, customer_metrics_dirty, live_calls`;
  await new CdrPartitions(sql).ensure([dayStart(t - 86_400_000), dayStart(t)]);
  const [org] = await sql<{ id: string }[]>`select id from organisations limit 1`;
  for (let from = 0; from < count; from += chunk) {
    const to = Math.min(count, from + chunk);
    await sql`
      with c as (select array_agg(id order by id) as ids, count(*)::int as n from customers)
      insert into cdrs (organisation_id, call_id, customer_id, started_at, ringing_at, answered_at, ended_at, sip_code, destination, charge, currency)
      select ${org!.id}, 'seed-' || g, c.ids[1 + (g * 7919) % c.n], s.started_at,
        case when g % 11 <> 10 then s.started_at + make_interval(secs => 1 + g % 6) end,
        case when g % 11 < 5 then s.started_at + make_interval(secs => 8 + g % 6) end,
        case when g % 11 < 5 then s.started_at + make_interval(secs => 20 + (g * 104729) % 580) else s.started_at + make_interval(secs => 9) end,
        (array[200, 200, 200, 200, 200, 486, 480, 603, 503, 404, 302])[1 + g % 11], '4930', 0, null
      from generate_series(${from + 1}::bigint, ${to}::bigint) g, c,
        lateral (select ${now}::timestamptz - make_interval(secs => (g * 86399.0 / ${count})) as started_at) s`;
  }
  await sql`
    insert into customer_minute_rollups (customer_id, minute, organisation_id, attempts, answered, talk_ms, pdd_sum_ms, pdd_count,
      busy, no_answer, rejected, cps_peak, last_started_at)
    select customer_id, date_trunc('minute', started_at), organisation_id,
      count(*) filter (where sip_code < 300 or sip_code >= 400),
      count(*) filter (where sip_code = 200),
      coalesce(sum(extract(epoch from ended_at - answered_at) * 1000) filter (where sip_code = 200), 0),
      coalesce(sum(extract(epoch from ringing_at - started_at) * 1000) filter (where ringing_at is not null and (sip_code < 300 or sip_code >= 400)), 0)
        + coalesce(sum(extract(epoch from ended_at - started_at) * 1000) filter (where ringing_at is null and sip_code >= 400), 0),
      count(*) filter (where (ringing_at is not null and (sip_code < 300 or sip_code >= 400)) or (ringing_at is null and sip_code >= 400)),
      count(*) filter (where sip_code in (486, 600)), count(*) filter (where sip_code in (480, 408)), count(*) filter (where sip_code in (603, 403)),
      1, max(started_at)
    from cdrs group by 1, 2, 3`;
  await sql`
    insert into customer_hour_rollups (customer_id, hour, organisation_id, attempts, answered, talk_ms, pdd_sum_ms, pdd_count,
      busy, no_answer, rejected, cps_peak, last_started_at)
    select customer_id, date_trunc('hour', minute), organisation_id, sum(attempts), sum(answered), sum(talk_ms), sum(pdd_sum_ms),
      sum(pdd_count), sum(busy), sum(no_answer), sum(rejected), max(cps_peak), max(last_started_at)
    from customer_minute_rollups group by 1, 2, 3`;
  await sql`analyze customer_hour_rollups`;
  await sql`analyze cdrs`;
  await sql`analyze customer_minute_rollups`;
}
