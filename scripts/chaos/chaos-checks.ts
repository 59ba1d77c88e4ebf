import type { Sql } from 'postgres';
import type { ChaosDevice } from './chaos-device.js';

/** What happened to the mutations of every device, judged from the database after the run. */
export interface MutationOutcome {
  made: number;
  applied: number;
  refused: number;
  /** Never processed (the server's last mutation id stayed below it), or a payment processed but missing from the ledger. */
  lost: number;
  /** A payment or adjustment that reached the ledger more than once. */
  duplicated: number;
  /** Made to be refused, yet applied. */
  invalidApplied: number;
  /** The first few of those, for the log. */
  invalidAppliedExamples: string[];
  /** Refusals by error code, e.g. `invalid_input: 120`. */
  refusedByCode: Record<string, number>;
}

/** Judges every mutation of every device against what the server recorded. */
export async function judgeMutations(sql: Sql, devices: readonly ChaosDevice[]): Promise<MutationOutcome> {
  const out: MutationOutcome = { made: 0, applied: 0, refused: 0, lost: 0, duplicated: 0, invalidApplied: 0, invalidAppliedExamples: [], refusedByCode: {} };
  const ledger = new Map(
    (await sql<{ reason: string; n: number }[]>`
      select reason, count(*)::int as n from balance_ledger where reason like 'chaos %' group by reason`).map((r) => [r.reason, r.n]),
  );
  for (const device of devices) {
    const id = device.client.clientID;
    const [client] = await sql<{ last: string }[]>`select last_mutation_id::text as last from replicache_clients where id = ${id}`;
    const last = Number(client?.last ?? 0);
    const refusals = new Map(
      (await sql<{ mutation_id: string; code: string }[]>`select mutation_id::text, code from mutation_rejections where client_id = ${id}`).map((r) => [
        Number(r.mutation_id),
        r.code,
      ]),
    );
    for (const m of device.made) {
      out.made += 1;
      if (m.id > last) {
        out.lost += 1;
        continue;
      }
      const code = refusals.get(m.id);
      const entries = m.ledgerReason ? (ledger.get(m.ledgerReason) ?? 0) : undefined;
      if (code !== undefined) {
        out.refused += 1;
        out.refusedByCode[code] = (out.refusedByCode[code] ?? 0) + 1;
        if (entries) out.duplicated += entries; // refused, yet in the ledger
        continue;
      }
      out.applied += 1;
      if (m.invalid) {
        out.invalidApplied += 1;
        if (out.invalidAppliedExamples.length < 5) out.invalidAppliedExamples.push(`${device.tag} #${m.id} ${m.name} ${JSON.stringify(m.args)}`);
      }
      if (entries === 0) out.lost += 1;
      if (entries !== undefined && entries > 1) out.duplicated += entries - 1;
    }
  }
  return out;
}

/** Customers whose credit differs from the sum of their ledger. */
export async function creditMismatches(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from customers c
    where c.credit <> coalesce((select sum(l.amount) from balance_ledger l where l.customer_id = c.id), 0)`;
  return row!.n;
}

/**
 * Customers whose charges in the ledger differ from their call records' charges: the sum
 * of their `charge` ledger entries must be minus the sum of `cdrs.charge`. The ledger
 * trigger writes an entry for every credit update, so credit always equals the ledger sum,
 * even if a batch were debited twice or a record stored without its debit; this catches both.
 */
export async function chargeMismatches(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    with ledger as (select customer_id, sum(amount) as total from balance_ledger where kind = 'charge' group by customer_id),
      calls as (select customer_id, sum(charge) as total from cdrs group by customer_id)
    select count(*)::int as n from ledger full join calls using (customer_id)
    where coalesce(ledger.total, 0) <> -coalesce(calls.total, 0)`;
  return row!.n;
}

/** Acknowledged call records the database does not hold, and call ids stored more than once. */
export async function callRecordLosses(sql: Sql, acknowledged: ReadonlySet<string>): Promise<{ lost: number; duplicated: number }> {
  const ids = [...acknowledged];
  const [stored] = await sql<{ n: number }[]>`select count(distinct call_id)::int as n from cdrs where call_id = any(${ids}::text[])`;
  const [dupes] = await sql<{ n: number }[]>`
    select count(*)::int as n from (select call_id from cdrs group by call_id having count(*) > 1) d`;
  return { lost: ids.length - stored!.n, duplicated: dupes!.n };
}

/** The customers (list rows and details) and notes a device holds, in a form two devices can be compared by. */
export function replicaFingerprint(device: ChaosDevice): string {
  const rows = [...device.client.store].filter(([k]) => k.startsWith('c/') || k.startsWith('d/') || k.startsWith('n/')).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(rows);
}
