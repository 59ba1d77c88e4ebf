import type { Sql } from 'postgres';

/**
 * Notes, in the current minute's and hour's rollups, how many calls each customer has up now, so
 * the card can chart channels over time. Runs every refresh, so a minute's figure is the
 * most seen at any refresh in it.
 */
export async function recordChannelPeaks(sql: Sql, now: Date): Promise<void> {
  await sql`
    with live as (
      select customer_id, organisation_id, count(*)::int as n from live_calls where expires_at > ${now}
      group by customer_id, organisation_id order by customer_id
    ), minutes as (
      insert into customer_minute_rollups as m (customer_id, minute, organisation_id, peak_channels)
      select customer_id, date_trunc('minute', ${now}::timestamptz), organisation_id, n from live
      on conflict (customer_id, minute) do update set peak_channels = greatest(m.peak_channels, excluded.peak_channels)
    )
    insert into customer_hour_rollups as h (customer_id, hour, organisation_id, peak_channels)
    select customer_id, date_trunc('hour', ${now}::timestamptz), organisation_id, n from live
    on conflict (customer_id, hour) do update set peak_channels = greatest(h.peak_channels, excluded.peak_channels)`;
}
