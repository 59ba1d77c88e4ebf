import type postgres from 'postgres';
import { computeMetrics } from '../../server/metrics/compute-metrics.js';

export interface RefreshRun {
  customers: number;
  cdrs: number;
  rollupRows: number;
  fromRollupsMs: number;
  fromRawMs: number;
  /** Customers whose 1 h and 24 h sums differ between the two (must be 0). */
  mismatches: number;
  /** A refresh of this many changed customers, and its time. */
  incremental: number;
  incrementalMs: number;
}

const INCREMENTAL = 2_000;

interface RawRow {
  customer_id: string;
  h1: string;
  h24: string;
}

/**
 * The figures of every customer, computed the way the first refresh after a start does
 * (from the rollups, everyone at once) and, in the same run, from the raw call records with
 * the same rules; both timed, and compared customer by customer.
 */
export async function measureRefresh(sql: postgres.Sql, now: Date): Promise<RefreshRun> {
  const ids = (await sql<{ id: string }[]>`select id from customers order by id`).map((r) => r.id);
  const [{ n: cdrs } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from cdrs`;
  const [{ n: rollupRows } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from customer_minute_rollups`;

  let t = performance.now();
  const fromRollups = new Map<string, string>();
  // What the first refresh after a start does: every customer at once.
  for (const m of await computeMetrics(sql, ids, now)) fromRollups.set(m.customerId, `${m.value.h1.join()}|${m.value.h24.join()}`);
  const fromRollupsMs = performance.now() - t;

  // What a refresh does while traffic flows: only the customers whose traffic changed.
  t = performance.now();
  await computeMetrics(sql, ids.slice(0, INCREMENTAL), now);
  const incrementalMs = performance.now() - t;

  t = performance.now();
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const raw = await sql<RawRow[]>`
    with calls as (
      select customer_id, date_trunc('minute', started_at) > ${hourAgo} as recent,
        (sip_code < 300 or sip_code >= 400) as attempt, sip_code = 200 as answered,
        case when sip_code = 200 then coalesce(duration_ms, extract(epoch from ended_at - answered_at) * 1000, 0) else 0 end as talk_ms,
        case when sip_code >= 300 and sip_code < 400 then null
          else coalesce(pdd_ms, extract(epoch from ringing_at - started_at) * 1000,
            case when sip_code <> 200 then extract(epoch from ended_at - started_at) * 1000 end) end as pdd_ms,
        sip_code
      from cdrs where date_trunc('minute', started_at) > ${dayAgo}
    ),
    sums as (
      select customer_id, recent, count(*) filter (where attempt) as a, count(*) filter (where answered) as b,
        coalesce(sum(talk_ms) filter (where attempt), 0)::bigint as c, coalesce(sum(pdd_ms), 0)::bigint as d, count(pdd_ms) as e,
        count(*) filter (where sip_code in (486, 600)) as f, count(*) filter (where sip_code in (480, 408)) as g,
        count(*) filter (where sip_code in (603, 403)) as h
      from calls group by customer_id, recent
    )
    select customer_id,
      coalesce(max(concat_ws(',', a, b, c, d, e, f, g, h)) filter (where recent), '0,0,0,0,0,0,0,0') as h1,
      concat_ws(',', sum(a), sum(b), sum(c), sum(d), sum(e), sum(f), sum(g), sum(h)) as h24
    from sums group by customer_id`;
  const fromRawMs = performance.now() - t;

  let mismatches = 0;
  const rawById = new Map(raw.map((r) => [r.customer_id, `${r.h1}|${r.h24}`]));
  for (const id of ids) {
    const a = fromRollups.get(id);
    const b = rawById.get(id) ?? '0,0,0,0,0,0,0,0|0,0,0,0,0,0,0,0';
    if (a !== b) mismatches += 1;
  }
  return { customers: ids.length, cdrs, rollupRows, fromRollupsMs, fromRawMs, mismatches, incremental: INCREMENTAL, incrementalMs };
}
