import type { Sql } from 'postgres';
import { CPS_WINDOW_SECONDS } from '../../shared/metrics.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The customers whose figures may differ from what was last published, between the
 * previous refresh (`since`) and `now`:
 *
 * 1. those new records or events touched (the dirty set, emptied as it is read);
 * 2. those whose calls ended by expiry (no end event within the maximum call length);
 * 3. those with traffic leaving a window: a minute leaving the last hour or the last
 *    24 hours, a second leaving the CPS window. Without this a customer whose traffic
 *    stopped would show its old figures forever;
 * 4. those with traffic leaving an alert rule's sample period, so the rule is judged
 *    again as its window slides.
 *
 * After a restart (`since` null) every customer with traffic in the last 24 hours or a
 * published figure is a candidate.
 */
export async function metricsCandidates(sql: Sql, now: Date, since: Date | null): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: readonly { customer_id: string }[]) => rows.forEach((r) => ids.add(r.customer_id));
  // 1.
  // A mark still locked belongs to a transaction not yet committed: it is taken next time.
  add(await sql<{ customer_id: string }[]>`
    delete from customer_metrics_dirty
    where customer_id in (select customer_id from customer_metrics_dirty for update skip locked)
    returning customer_id`);
  // 2.
  add(await sql<{ customer_id: string }[]>`delete from live_calls where expires_at <= ${now} returning customer_id`);
  // 3.
  const t = now.getTime();
  if (since === null) {
    add(await sql<{ customer_id: string }[]>`
      select distinct customer_id from customer_hour_rollups where hour > ${new Date(t - DAY - HOUR)}
      union select customer_id from customer_metrics
      union select customer_id from live_calls`);
  } else {
    const s = since.getTime();
    const leaving = (window: number) => [new Date(s - window - 60_000), new Date(t - window)] as const;
    const [h1From, h1To] = leaving(HOUR);
    const [d1From, d1To] = leaving(DAY);
    const cpsFrom = new Date(s - CPS_WINDOW_SECONDS * 1000 - 1000);
    const cpsTo = new Date(t - CPS_WINDOW_SECONDS * 1000);
    add(await sql<{ customer_id: string }[]>`
      select customer_id from customer_minute_rollups where minute > ${h1From} and minute <= ${h1To}
      union select customer_id from customer_minute_rollups where minute > ${d1From} and minute <= ${d1To}
      union select customer_id from customer_second_attempts where second > ${cpsFrom} and second <= ${cpsTo}
      union select customer_id from live_calls where started_at > ${cpsFrom} and started_at <= ${cpsTo}`);
    // 4. Alert rules judge traffic over their own sample period: those windows slide too.
    const periods = await sql<{ minutes: number }[]>`
      select distinct sample_minutes as minutes from alert_rules where enabled and area in ('asr', 'acd', 'pdd')`;
    for (const { minutes } of periods) {
      const [from, to] = leaving(minutes * 60_000);
      add(await sql<{ customer_id: string }[]>`
        select distinct customer_id from customer_minute_rollups where minute > ${from} and minute <= ${to}`);
    }
  }
  return [...ids].sort();
}
