import type { TransactionSql } from 'postgres';
import { customerKey, detailsKey, metricsKey, notesKey, rejectionKey } from '../../shared/keys.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import type { Rejection } from '../../shared/rejection.js';
import { cookieOrder, metricsCookieOrder, SCHEMA_VERSION, type PullRequest, type SyncCookie } from '../../shared/sync-protocol.js';
import { DETAIL_COLUMNS, LIST_COLUMNS, rowToListRow, type CustomerRow } from '../customers/customer-row.js';
import { countsOf, detailCountColumns, type DetailCountColumns } from '../customers/detail-counts-sql.js';
import type { AppDeps, Session } from '../http/app-env.js';
import { claimClientGroup } from './client-groups.js';
import { settingsPatch, type OrganisationSettingsRow } from './settings-patch.js';
import { savedViewsPatch } from '../saved-views/saved-views-patch.js';

/**
 * Replicache pull (https://doc.replicache.dev/reference/server-pull) with the per-space
 * version strategy: every synced row carries the organisation version that last touched
 * it, so a pull sends the rows newer than the client's cookie: customers (`c/`, with
 * their details `d/` and notes `n/` when those changed), then their traffic figures (`m/`). A long catch-up (the first sync of
 * 100k customers) is paged, each of the two streams by its own (version, id) keyset.
 */
export type PatchOperation = { op: 'clear' } | { op: 'put'; key: string; value: unknown } | { op: 'del'; key: string };

/** Replicache's PullResponseOKV1. */
export interface PullResponse {
  cookie: SyncCookie;
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOperation[];
}

/**
 * Replicache's answer to a device whose code syncs another shape of data (an old version
 * still open after an upgrade): it stops pulling and asks for the new code.
 */
export interface VersionNotSupported {
  error: 'VersionNotSupported';
  versionType: 'schema';
}

export type PullDeps = Pick<AppDeps, 'sql' | 'config'>;

/** A customer as pulled: its lists (and notes) only when they changed since the cookie, else null. */
type PulledRow = Omit<CustomerRow, (typeof DETAIL_COLUMNS)[number]> &
  Nullable<Pick<CustomerRow, (typeof DETAIL_COLUMNS)[number]>> &
  DetailCountColumns & { version: string; details_version: string; notes_version: string; notes: string | null };
type Nullable<T> = { [K in keyof T]: T[K] | null };
type MetricsRow = { customer_id: string; version: string; value: CustomerMetrics };

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function processPull(deps: PullDeps, session: Session, req: PullRequest): Promise<PullResponse | VersionNotSupported> {
  // 0. Only this version's rows are served: older code would misread them. Its pushes are
  //    still taken (mutation arguments did not change), so nothing made offline is lost.
  if (req.schemaVersion !== SCHEMA_VERSION) return { error: 'VersionNotSupported', versionType: 'schema' };
  // 1. The user comes from the session; the client group must be theirs (created if new).
  await claimClientGroup(deps.sql, req.clientGroupID, session);
  const pageSize = deps.config.pullPageSize;
  const organisationId = session.organisationId;

  // 2. One consistent snapshot for the whole response.
  return deps.sql.begin('isolation level repeatable read read only', async (tx) => {
    const [org] = await tx<({ version: string } & OrganisationSettingsRow)[]>`
      select version, warning_thresholds, settings_version from organisations where id = ${organisationId}`;
    const spaceVersion = Number(org?.version ?? 0);
    const cookie = usableCookie(req.cookie, spaceVersion);
    const base = cookie?.since ?? 0;
    const after = cookie?.after;
    const inMetrics = after?.s === 'm';

    // 3. Customers changed since the cookie, in (version, id) order, one page (plus one
    //    row to tell whether more follow). The keyset condition walks customers_sync. A
    //    catch-up already in the metrics stream has sent its customers.
    const customerRows = inMetrics ? [] : await customersAfter(tx, organisationId, base, after, pageSize + 1);
    const moreCustomers = customerRows.length > pageSize;
    const customers = moreCustomers ? customerRows.slice(0, pageSize) : customerRows;

    // 4. Once the customers are sent, their traffic figures changed since the cookie fill
    //    the rest of the page, by their own (version, customer_id) keyset over
    //    customer_metrics_sync. Figures are only ever upserted (a customer's row goes
    //    with the customer), so a put per row is all there is: there is no del, and a
    //    job that deleted rows would leave stale entries on devices.
    const room = pageSize - customers.length;
    const metricsRows = moreCustomers ? [] : await metricsAfter(tx, organisationId, base, inMetrics ? after : undefined, room + 1);
    const moreMetrics = metricsRows.length > room;
    const metrics = moreMetrics ? metricsRows.slice(0, room) : metricsRows;

    // 5. The patch: a fresh client starts from a clean slate; customers (those in the
    //    trash too, with deletedAt), their details and notes where those changed since
    //    `base`, then figures.
    const patch: PatchOperation[] = cookie ? [] : [{ op: 'clear' }];
    for (const row of customers) {
      patch.push({ op: 'put', key: customerKey(row.id), value: rowToListRow(row, countsOf(row)) });
      const { contacts, ip_auth: ipAuth, sip_users: sipUsers, routes } = row;
      if (Number(row.details_version) > base && contacts && ipAuth && sipUsers && routes) {
        patch.push({ op: 'put', key: detailsKey(row.id), value: { contacts, ipAuth, sipUsers, routes } });
      }
      if (Number(row.notes_version) <= base) continue;
      if (row.notes) patch.push({ op: 'put', key: notesKey(row.id), value: { text: row.notes } });
      else if (base > 0) patch.push({ op: 'del', key: notesKey(row.id) });
    }
    for (const row of metrics) patch.push({ op: 'put', key: metricsKey(row.customer_id), value: row.value });

    // 6. More to come: a partial page. The cookie remembers where the catch-up started
    //    and the last row sent; mutation acknowledgements wait for the final page, so a
    //    pending local change never disappears before its effect has arrived.
    if (moreCustomers || moreMetrics) {
      const total = after && cookie?.total !== undefined ? cookie.total : await countSince(tx, organisationId, base);
      const sent = (after ? (cookie?.sent ?? 0) : 0) + customers.length + metrics.length;
      const position = moreCustomers
        ? customerPosition(customers.at(-1)!)
        : metricsPosition(inMetrics ? cookie!.phaseSince! : spaceVersion, metrics.at(-1), base);
      return { cookie: { ...position, since: base, total, sent }, lastMutationIDChanges: {}, patch };
    }

    // 7. Final page. Rows changed while customers were paged moved past `after` and were
    //    sent by the keyset; customers changed while the metrics stream was paged were
    //    not revisited, so after a metrics stream the cookie holds only `phaseSince` (the
    //    space version when the customers were complete) and the next pull sends them
    //    again (a duplicate put is harmless). Likewise only the clients of this group
    //    whose last change is at most that version are acknowledged: a later mutation
    //    waits for the pull that brings its effect. Then this user's refusals, the
    //    organisation's settings and the saved views.
    const since = inMetrics ? cookie!.phaseSince! : spaceVersion;
    patch.push(...(await rejectionPatch(tx, session, base)));
    patch.push(...settingsPatch(org, base));
    patch.push(...(await savedViewsPatch(tx, session, base)));
    return {
      cookie: { order: cookieOrder(since), since },
      lastMutationIDChanges: await lastMutationIDChanges(tx, req.clientGroupID, base, since),
      patch,
    };
  });
}

type CookiePosition = Pick<SyncCookie, 'order' | 'after' | 'phaseSince'>;

function customerPosition(last: PulledRow): CookiePosition {
  const v = Number(last.version);
  return { order: cookieOrder(v, last.id), after: { v, id: last.id } };
}

/**
 * Where the metrics stream stands: after its last row sent, or at its start (`base`, the
 * nil id) when the customers filled the page that completed them.
 */
function metricsPosition(phaseSince: number, last: MetricsRow | undefined, base: number): CookiePosition {
  const [v, id] = last ? [Number(last.version), last.customer_id] : [base, NIL_UUID];
  return { order: metricsCookieOrder(phaseSince, v, id), after: { v, id, s: 'm' }, phaseSince };
}

/** A cookie from a newer database (it was reset) or a malformed one starts the client afresh. */
function usableCookie(cookie: SyncCookie | null, spaceVersion: number): SyncCookie | null {
  if (!cookie || cookie.since > spaceVersion) return null;
  const { after, phaseSince } = cookie;
  if (after && (after.v > spaceVersion || !UUID.test(after.id))) return null;
  if (after?.s === 'm' && (phaseSince === undefined || phaseSince < cookie.since || phaseSince > spaceVersion)) return null;
  return cookie;
}

/**
 * The lists and notes leave the database only when they changed since `base`; the list
 * row's counts are computed beside them, so a bulk status change reads 10,000 small rows.
 */
function customersAfter(tx: TransactionSql, organisationId: string, base: number, after: SyncCookie['after'], limit: number) {
  const changed = (column: string) => tx`case when details_version > ${base} then ${tx(column)} end as ${tx(column)}`;
  const details = DETAIL_COLUMNS.map((c, i) => (i === 0 ? changed(c) : tx`, ${changed(c)}`));
  return tx<PulledRow[]>`
    select version, details_version, notes_version, case when notes_version > ${base} then notes end as notes,
      ${tx(LIST_COLUMNS)}, ${details}, ${detailCountColumns(tx)}
    from customers
    where organisation_id = ${organisationId} and version > ${base}
      ${after ? tx`and (version, id) > (${after.v}, ${after.id}::uuid)` : tx``}
    order by version, id
    limit ${limit}`;
}

function metricsAfter(tx: TransactionSql, organisationId: string, base: number, after: SyncCookie['after'], limit: number) {
  return tx<MetricsRow[]>`
    select customer_id, version, value from customer_metrics
    where organisation_id = ${organisationId} and version > ${base}
      ${after ? tx`and (version, customer_id) > (${after.v}, ${after.id}::uuid)` : tx``}
    order by version, customer_id
    limit ${limit}`;
}

/** Rows of both streams in a catch-up from `base`, for the progress bar. */
async function countSince(tx: TransactionSql, organisationId: string, base: number): Promise<number> {
  const [row] = await tx<{ n: string }[]>`
    select (select count(*) from customers where organisation_id = ${organisationId} and version > ${base})
         + (select count(*) from customer_metrics where organisation_id = ${organisationId} and version > ${base}) as n`;
  return Number(row?.n ?? 0);
}

interface RejectionRow {
  id: string;
  client_id: string;
  mutation_id: string;
  mutator: string;
  summary: string;
  code: Rejection['code'];
  message: string;
  created_at: Date;
  dismissed: boolean;
}

/** Refusals are the user's own: another user of the organisation never sees them. */
async function rejectionPatch(tx: TransactionSql, session: Session, base: number): Promise<PatchOperation[]> {
  const rows = await tx<RejectionRow[]>`
    select id, client_id, mutation_id, mutator, summary, code, message, created_at, dismissed
    from mutation_rejections
    where user_id = ${session.user.id} and organisation_id = ${session.organisationId} and version > ${base}`;
  const patch: PatchOperation[] = [];
  for (const r of rows) {
    if (r.dismissed) {
      if (base > 0) patch.push({ op: 'del', key: rejectionKey(r.id) });
      continue;
    }
    const value: Rejection = {
      id: r.id,
      clientID: r.client_id,
      mutationID: Number(r.mutation_id),
      mutator: r.mutator,
      summary: r.summary,
      code: r.code,
      message: r.message,
      at: r.created_at.toISOString(),
    };
    patch.push({ op: 'put', key: rejectionKey(r.id), value });
  }
  return patch;
}

async function lastMutationIDChanges(tx: TransactionSql, clientGroupID: string, base: number, upTo: number): Promise<Record<string, number>> {
  const rows = await tx<{ id: string; last_mutation_id: string }[]>`
    select id, last_mutation_id from replicache_clients
    where client_group_id = ${clientGroupID} and version > ${base} and version <= ${upTo}`;
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.last_mutation_id)]));
}
