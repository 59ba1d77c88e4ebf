import { randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { IngestIssue } from '../../shared/cdr.js';
import { addSums } from '../../shared/metrics.js';
import { fromMinor } from '../../shared/money.js';
import { callRecordKey } from './call-record-key.js';
import { markMetricsDirty } from './mark-metrics-dirty.js';
import { storeRefusingBadRecords } from './refuse-bad-records.js';
import { rollUp, type MinuteDelta } from './traffic-rollup.js';
import type { ValidCdr } from './validate-cdrs.js';

export interface StoreResult {
  accepted: number;
  duplicates: number;
  rejected: IngestIssue[];
  /** Credits changed (a customer counts once per transaction): clients must pull when above 0. */
  charged: number;
}

interface CustomerFacts {
  id: string;
  currency: string;
}

/**
 * Stores a validated batch of call records for one organisation. A clean batch is one
 * transaction; a record the database refuses is reported with its line and the others
 * are stored (see `storeRefusingBadRecords`), and a transient error is retried.
 */
export async function storeCdrs(sql: Sql, organisationId: string, apiKeyId: string, batch: readonly ValidCdr[]): Promise<StoreResult> {
  return storeRefusingBadRecords(batch, (part) => storeBatch(sql, organisationId, apiKeyId, part), {
    add: (a, b) => ({
      accepted: a.accepted + b.accepted,
      duplicates: a.duplicates + b.duplicates,
      rejected: [...a.rejected, ...b.rejected],
      charged: a.charged + b.charged,
    }),
    refuse: (item, reason) => ({ accepted: 0, duplicates: 0, rejected: [{ line: item.line, callId: item.cdr.callId, message: reason }], charged: 0 }),
  }, 'call records');
}

/**
 * Stores a batch of call records in one transaction:
 *
 * 1. Records naming an unknown customer, or charged in another currency than the
 *    customer's, are refused with their line.
 * 2. The records are inserted; a record already stored (same call id and start, a
 *    retry) inserts nothing and is counted as a duplicate, so a retry changes nothing.
 * 3. Only the records inserted now are rolled up: per customer and minute, and per
 *    customer and hour, the counters are added; per customer and second the attempts
 *    (which give each minute's and hour's exact CPS peak).
 * 4. Their calls are no longer live.
 * 5. Under the organisation lock that orders every synced change, each customer's
 *    credit is debited by the sum of its new charges (the ledger trigger records it as a
 *    charge) and the rows get the new space version, so devices pull the new balance.
 * 6. Last, the customers are marked for the metrics refresh: after the customers rows,
 *    in the order a push takes them (organisation, customer, mark), so the two never
 *    wait on each other in a circle.
 */
async function storeBatch(sql: Sql, organisationId: string, apiKeyId: string, batch: readonly ValidCdr[]): Promise<StoreResult> {
  if (batch.length === 0) return { accepted: 0, duplicates: 0, rejected: [], charged: 0 };
  return sql.begin(async (tx) => {
    // Per try: a transaction retried after a transient error starts from scratch.
    const rejected: IngestIssue[] = [];
    // 1.
    const customers = await customerFacts(tx, organisationId, batch);
    const known: ValidCdr[] = [];
    for (const item of batch) {
      const customer = customers.get(item.cdr.customerId);
      if (!customer) rejected.push({ line: item.line, callId: item.cdr.callId, message: `customerId: No customer ${item.cdr.customerId} here` });
      else if (item.cdr.currency !== undefined && item.cdr.currency !== customer.currency) {
        rejected.push({ line: item.line, callId: item.cdr.callId, message: `currency: Charged in ${item.cdr.currency}, but the customer is billed in ${customer.currency}` });
      } else known.push(item);
    }

    // 2.
    const inserted = await insertRecords(tx, organisationId, apiKeyId, known);
    const fresh = known.filter((k) => inserted.has(callRecordKey(k.cdr.callId, k.cdr.startedAt))).map((k) => k.cdr);
    const result = { accepted: fresh.length, duplicates: known.length - fresh.length, rejected, charged: 0 };
    if (fresh.length === 0) return result;

    // 3.
    const { minutes, seconds } = rollUp(fresh);
    await addCounters(tx, 'minute', organisationId, minutes);
    await addCounters(tx, 'hour', organisationId, toHours(minutes));
    if (seconds.length > 0) {
      await tx`
        with added as (
          insert into customer_second_attempts (customer_id, second, attempts)
          select customer_id, to_timestamp(second / 1000.0), attempts
          from jsonb_to_recordset(${tx.json(seconds.map((s) => ({ customer_id: s.customerId, second: s.second, attempts: s.attempts })))})
            as r(customer_id uuid, second bigint, attempts int)
          on conflict (customer_id, second) do update set attempts = customer_second_attempts.attempts + excluded.attempts
          returning customer_id, second, attempts)
        , minutes as (
          update customer_minute_rollups m set cps_peak = greatest(m.cps_peak, p.peak)
          from (select customer_id, date_trunc('minute', second) as minute, max(attempts) as peak from added group by 1, 2) p
          where m.customer_id = p.customer_id and m.minute = p.minute)
        update customer_hour_rollups h set cps_peak = greatest(h.cps_peak, p.peak)
        from (select customer_id, date_trunc('hour', second) as hour, max(attempts) as peak from added group by 1, 2) p
        where h.customer_id = p.customer_id and h.hour = p.hour`;
    }

    // 4.
    await tx`
      delete from live_calls where organisation_id = ${organisationId}
        and call_id = any(${fresh.map((c) => c.callId)}::text[])`;

    // 5.
    result.charged = await debitCharges(tx, organisationId, minutes, customers);

    // 6.
    await markMetricsDirty(tx, organisationId, fresh.map((c) => c.customerId));
    return result;
  });
}

async function customerFacts(tx: TransactionSql, organisationId: string, batch: readonly ValidCdr[]): Promise<Map<string, CustomerFacts>> {
  const ids = [...new Set(batch.map((b) => b.cdr.customerId))];
  const rows = await tx<{ id: string; currency: string }[]>`
    select id, currency from customers where organisation_id = ${organisationId} and id = any(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

async function insertRecords(tx: TransactionSql, organisationId: string, apiKeyId: string, items: readonly ValidCdr[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const col = <T>(f: (c: ValidCdr['cdr']) => T) => items.map(({ cdr }) => f(cdr));
  const ms = (v: number | undefined) => (v === undefined ? null : v);
  // One array per column through unnest: cheaper for Postgres than a JSON document per row.
  // Epoch milliseconds go in as numbers: exact, and cheaper to encode than ISO strings.
  const stored = await tx<{ call_id: string; started_ms: string }[]>`
    insert into cdrs (organisation_id, api_key_id, call_id, customer_id, started_at, ringing_at, answered_at, ended_at, pdd_ms,
      duration_ms, billed_seconds, sip_code, sip_reason, release_cause, cli, destination, destination_name, rate, charge, currency)
    select ${organisationId}, ${apiKeyId}, call_id, customer_id, to_timestamp(started_at / 1000.0), to_timestamp(ringing_at / 1000.0),
      to_timestamp(answered_at / 1000.0), to_timestamp(ended_at / 1000.0), pdd_ms, duration_ms, billed_seconds, sip_code, sip_reason,
      release_cause, cli, destination, destination_name, rate, charge, currency
    from unnest(${col((c) => c.callId)}::text[], ${col((c) => c.customerId)}::uuid[], ${col((c) => c.startedAt)}::bigint[],
      ${col((c) => ms(c.ringingAt))}::bigint[], ${col((c) => ms(c.answeredAt))}::bigint[], ${col((c) => c.endedAt)}::bigint[],
      ${col((c) => c.pddMs ?? null)}::int[], ${col((c) => (c.duration === undefined ? null : Math.round(c.duration * 1000)))}::bigint[],
      ${col((c) => c.billedSeconds ?? null)}::int[], ${col((c) => c.sipCode)}::smallint[], ${col((c) => c.sipReason ?? null)}::text[],
      ${col((c) => c.releaseCause ?? null)}::text[], ${col((c) => c.cli ?? null)}::text[], ${col((c) => c.destination)}::text[],
      ${col((c) => c.destinationName ?? null)}::text[], ${col((c) => c.rate ?? null)}::numeric[], ${col((c) => c.charge ?? '0')}::numeric[],
      ${col((c) => c.currency ?? null)}::text[])
      as r(call_id, customer_id, started_at, ringing_at, answered_at, ended_at, pdd_ms, duration_ms, billed_seconds, sip_code,
        sip_reason, release_cause, cli, destination, destination_name, rate, charge, currency)
    on conflict do nothing
    returning call_id, (extract(epoch from started_at) * 1000)::bigint as started_ms`;
  return new Set(stored.map((s) => callRecordKey(s.call_id, Number(s.started_ms))));
}

/** The deltas of a batch per hour instead of per minute (still sorted by customer, then time). */
function toHours(minutes: readonly MinuteDelta[]): MinuteDelta[] {
  const hours = new Map<string, MinuteDelta>();
  for (const m of minutes) {
    const hour = Math.floor(m.minute / 3_600_000) * 3_600_000;
    const key = `${m.customerId}/${hour}`;
    const h = hours.get(key);
    if (!h) hours.set(key, { ...m, minute: hour });
    else hours.set(key, { ...h, sums: addSums(h.sums, m.sums), chargeMinor: h.chargeMinor + m.chargeMinor, lastStartedAt: Math.max(h.lastStartedAt, m.lastStartedAt) });
  }
  return [...hours.values()];
}

/** Adds a batch's counters to the minute or hour rollups (`bucket` names the table and its time column). */
async function addCounters(tx: TransactionSql, bucket: 'minute' | 'hour', organisationId: string, deltas: readonly MinuteDelta[]): Promise<void> {
  const table = bucket === 'minute' ? tx`customer_minute_rollups` : tx`customer_hour_rollups`;
  const at = bucket === 'minute' ? tx`minute` : tx`hour`;
  const col = <T>(f: (d: MinuteDelta) => T) => deltas.map(f);
  await tx`
    insert into ${table} as m (customer_id, ${at}, organisation_id, attempts, answered, talk_ms, pdd_sum_ms,
      pdd_count, busy, no_answer, rejected, charge, last_started_at)
    select customer_id, to_timestamp(t / 1000.0), ${organisationId}, attempts, answered, talk_ms, pdd_sum_ms, pdd_count,
      busy, no_answer, rejected, charge, to_timestamp(last_started_at / 1000.0)
    from unnest(${col((d) => d.customerId)}::uuid[], ${col((d) => d.minute)}::bigint[], ${col((d) => d.sums.attempts)}::int[],
      ${col((d) => d.sums.answered)}::int[], ${col((d) => d.sums.talkMs)}::bigint[], ${col((d) => d.sums.pddSumMs)}::bigint[],
      ${col((d) => d.sums.pddCount)}::int[], ${col((d) => d.sums.busy)}::int[], ${col((d) => d.sums.noAnswer)}::int[],
      ${col((d) => d.sums.rejected)}::int[], ${col((d) => fromMinor(d.chargeMinor))}::numeric[], ${col((d) => d.lastStartedAt)}::bigint[])
      as r(customer_id, t, attempts, answered, talk_ms, pdd_sum_ms, pdd_count, busy, no_answer, rejected, charge, last_started_at)
    on conflict (customer_id, ${at}) do update set
      attempts = m.attempts + excluded.attempts,
      answered = m.answered + excluded.answered,
      talk_ms = m.talk_ms + excluded.talk_ms,
      pdd_sum_ms = m.pdd_sum_ms + excluded.pdd_sum_ms,
      pdd_count = m.pdd_count + excluded.pdd_count,
      busy = m.busy + excluded.busy,
      no_answer = m.no_answer + excluded.no_answer,
      rejected = m.rejected + excluded.rejected,
      charge = m.charge + excluded.charge,
      last_started_at = greatest(m.last_started_at, excluded.last_started_at)`;
}

async function debitCharges(tx: TransactionSql, organisationId: string, minutes: readonly MinuteDelta[], customers: ReadonlyMap<string, CustomerFacts>): Promise<number> {
  const perCustomer = new Map<string, bigint>();
  for (const m of minutes) perCustomer.set(m.customerId, (perCustomer.get(m.customerId) ?? 0n) + m.chargeMinor);
  const debits = [...perCustomer]
    .filter(([, minor]) => minor !== 0n)
    .map(([id, minor]) => ({ id, amount: fromMinor(minor), currency: customers.get(id)!.currency }));
  if (debits.length === 0) return 0;
  const reference = `calls:${randomUUID()}`;
  await tx`
    select set_config('trunkline.ledger_kind', 'charge', true),
      set_config('trunkline.ledger_reason', 'Calls', true),
      set_config('trunkline.ledger_reference', ${reference}, true)`;
  const [org] = await tx<{ version: string }[]>`
    update organisations set version = version + 1 where id = ${organisationId} returning version`;
  // The currency checked in step 1 was read without a lock: a currency changed since
  // (before any history existed) must not take these amounts. The sender retries, and
  // the retry refuses the records with the reason.
  const debited = await tx`
    update customers c set credit = c.credit - d.amount, version = ${org!.version}
    from jsonb_to_recordset(${tx.json(debits)}) as d(id uuid, amount numeric, currency text)
    where c.id = d.id and c.currency = d.currency`;
  if (debited.count !== debits.length) throw new Error('A customer\'s currency changed while its charges were being stored; retry the batch');
  return debits.length;
}

