import type { Queryable } from '../db/queryable.js';
import type { LedgerEntry } from '../../shared/traffic-history.js';

interface Row {
  id: string;
  kind: LedgerEntry['kind'];
  amount: string;
  balance: string;
  reason: string | null;
  reference: string | null;
  user_name: string | null;
  created_at: Date;
}

/** A customer's balance ledger, newest first, each entry with the balance right after it. */
export async function ledgerEntries(sql: Queryable, organisationId: string, customerId: string, opts: { limit: number; before?: string | undefined }): Promise<LedgerEntry[]> {
  const rows = await sql<Row[]>`
    select * from (
      select l.id::text as id, l.kind, l.amount::text as amount, (sum(l.amount) over (order by l.id))::text as balance,
        l.reason, l.reference, u.name as user_name, l.created_at, l.id as seq
      from balance_ledger l left join users u on u.id = l.user_id
      where l.customer_id = ${customerId} and l.organisation_id = ${organisationId}
    ) e
    ${opts.before ? sql`where e.seq < ${opts.before}` : sql``}
    order by e.seq desc limit ${opts.limit}`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: r.amount,
    balance: r.balance,
    reason: r.reason,
    reference: r.reference,
    userName: r.user_name,
    at: r.created_at.toISOString(),
  }));
}
