import type { Sql } from 'postgres';

/**
 * Notes, in the current minute's rollup, how many calls each customer has up now, so
 * the card can chart channels over time. Runs every refresh, so a minute's figure is the
 * most seen at any refresh in it.
 */
export async function recordChannelPeaks(sql: Sql, now: Date): Promise<void> {
  await sql`
    insert into customer_minute_rollups as m (customer_id, minute, organisation_id, peak_channels)
    select customer_id, date_trunc('minute', ${now}::timestamptz), organisation_id, count(*)
    from live_calls where expires_at > ${now}
    group by customer_id, organisation_id
    order by customer_id
    on conflict (customer_id, minute) do update set peak_channels = greatest(m.peak_channels, excluded.peak_channels)`;
}
