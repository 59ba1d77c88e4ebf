import type { Sql } from 'postgres';

/**
 * Notes, in the current minute's and hour's rollups, how many calls each customer has up now, so
 * the card can chart channels over time. Runs every refresh, so a minute's figure is the
 * most seen at any refresh in it.
 */
export async function recordChannelPeaks(sql: Sql, now: Date): Promise<void> {
  // Minutes first, then hours, each in customer order: the order ingest locks them in.
  await sql.begin(async (tx) => {
    const live = await tx<{ customer_id: string; organisation_id: string; n: number }[]>`
      select customer_id, organisation_id, count(*)::int as n from live_calls where expires_at > ${now}
      group by customer_id, organisation_id order by customer_id`;
    if (live.length === 0) return;
    const rows = tx.json(live.map((l) => ({ customer_id: l.customer_id, organisation_id: l.organisation_id, n: l.n })));
    await tx`
      insert into customer_minute_rollups as m (customer_id, minute, organisation_id, peak_channels)
      select customer_id, date_trunc('minute', ${now}::timestamptz), organisation_id, n
      from jsonb_to_recordset(${rows}) as r(customer_id uuid, organisation_id uuid, n int) order by customer_id
      on conflict (customer_id, minute) do update set peak_channels = greatest(m.peak_channels, excluded.peak_channels)`;
    await tx`
      insert into customer_hour_rollups as h (customer_id, hour, organisation_id, peak_channels)
      select customer_id, date_trunc('hour', ${now}::timestamptz), organisation_id, n
      from jsonb_to_recordset(${rows}) as r(customer_id uuid, organisation_id uuid, n int) order by customer_id
      on conflict (customer_id, hour) do update set peak_channels = greatest(h.peak_channels, excluded.peak_channels)`;
  });
}
