import type { Sql } from 'postgres';
import type { IngestIssue } from '../../shared/cdr.js';
import { markMetricsDirty } from './mark-metrics-dirty.js';
import { storeRefusingBadRecords } from './refuse-bad-records.js';
import type { ValidEvent } from './validate-events.js';

export interface EventsResult {
  accepted: number;
  rejected: IngestIssue[];
}

/**
 * Applies call state events to the live calls of one organisation, in time order. A
 * clean batch is one transaction; an event the database refuses is reported with its
 * line and the others are applied (see `storeRefusingBadRecords`, which splits the
 * batch in time order, so later events still apply after earlier ones), and a transient
 * error is retried (applying the same events again gives the same live calls).
 */
export async function storeEvents(sql: Sql, organisationId: string, events: readonly ValidEvent[], maxCallSeconds: number): Promise<EventsResult> {
  const ordered = [...events].sort((a, b) => a.event.at - b.event.at || a.line - b.line);
  return storeRefusingBadRecords(ordered, (part) => applyEvents(sql, organisationId, part, maxCallSeconds), {
    add: (a, b) => ({ accepted: a.accepted + b.accepted, rejected: [...a.rejected, ...b.rejected] }),
    refuse: (item, reason) => ({ accepted: 0, rejected: [{ line: item.line, callId: item.event.callId, message: reason }] }),
  }, 'call events');
}

/**
 * Applies events already in time order, in one transaction:
 *
 * 1. Events naming an unknown customer are refused with their line.
 * 2. Within the batch, the last event of each call decides: `ended` removes the call;
 *    any other event makes sure it is live (a call seen first at `ringing` or `answered`
 *    counts from then), keeping the earliest start and noting the answer time. A call
 *    with no end stops counting once `maxCallSeconds` have passed since it started.
 * 3. The customers are marked for the metrics refresh (channels and CPS now).
 */
async function applyEvents(sql: Sql, organisationId: string, events: readonly ValidEvent[], maxCallSeconds: number): Promise<EventsResult> {
  if (events.length === 0) return { accepted: 0, rejected: [] };
  return sql.begin(async (tx) => {
    const rejected: IngestIssue[] = [];
    // 1.
    const ids = [...new Set(events.map((e) => e.event.customerId))];
    const rows = await tx<{ id: string }[]>`select id from customers where organisation_id = ${organisationId} and id = any(${ids}::uuid[])`;
    const known = new Set(rows.map((r) => r.id));
    const calls = new Map<string, { customerId: string; startedAt: number; answeredAt: number | null; ended: boolean }>();
    let accepted = 0;
    for (const { line, event } of events) {
      if (!known.has(event.customerId)) {
        rejected.push({ line, callId: event.callId, message: `customerId: No customer ${event.customerId} here` });
        continue;
      }
      accepted += 1;
      // 2.
      const call = calls.get(event.callId) ?? { customerId: event.customerId, startedAt: event.at, answeredAt: null, ended: false };
      call.startedAt = Math.min(call.startedAt, event.at);
      if (event.type === 'answered') call.answeredAt = event.at;
      call.ended = event.type === 'ended';
      calls.set(event.callId, call);
    }
    const ended = [...calls].filter(([, c]) => c.ended).map(([id]) => id);
    const live = [...calls].filter(([, c]) => !c.ended).map(([callId, c]) => ({
      call_id: callId,
      customer_id: c.customerId,
      started_at: c.startedAt,
      answered_at: c.answeredAt,
    }));
    if (ended.length > 0) await tx`delete from live_calls where organisation_id = ${organisationId} and call_id = any(${ended}::text[])`;
    if (live.length > 0) {
      await tx`
        insert into live_calls as l (organisation_id, call_id, customer_id, started_at, answered_at, expires_at)
        select ${organisationId}, call_id, customer_id, to_timestamp(started_at / 1000.0), to_timestamp(answered_at / 1000.0),
          to_timestamp(started_at / 1000.0) + make_interval(secs => ${maxCallSeconds})
        from jsonb_to_recordset(${tx.json(live)}) as r(call_id text, customer_id uuid, started_at bigint, answered_at bigint)
        order by call_id
        on conflict (organisation_id, call_id) do update set
          started_at = least(l.started_at, excluded.started_at),
          answered_at = coalesce(excluded.answered_at, l.answered_at),
          expires_at = least(l.started_at, excluded.started_at) + make_interval(secs => ${maxCallSeconds})`;
    }
    // 3.
    await markMetricsDirty(tx, organisationId, [...calls.values()].map((c) => c.customerId));
    return { accepted, rejected };
  });
}
