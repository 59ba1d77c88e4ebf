import type { TransactionSql } from 'postgres';
import { customerKey, notesKey, rejectionKey } from '../../shared/keys.js';
import type { Rejection } from '../../shared/rejection.js';
import { cookieOrder, type PullRequest, type SyncCookie } from '../../shared/sync-protocol.js';
import { CUSTOMER_COLUMNS, rowToCustomer, type CustomerRow } from '../customers/customer-row.js';
import type { AppDeps, Session } from '../http/app-env.js';
import { claimClientGroup } from './client-groups.js';

/**
 * Replicache pull (https://doc.replicache.dev/reference/server-pull) with the per-space
 * version strategy: every synced row carries the organisation version that last touched
 * it, so a pull sends the rows newer than the client's cookie. A long catch-up (the
 * first sync of 100k customers) is paged by (version, id).
 */
export type PatchOperation = { op: 'clear' } | { op: 'put'; key: string; value: unknown } | { op: 'del'; key: string };

/** Replicache's PullResponseOKV1. */
export interface PullResponse {
  cookie: SyncCookie;
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOperation[];
}

export type PullDeps = Pick<AppDeps, 'sql' | 'config'>;

type PulledRow = CustomerRow & { version: string; notes_version: string; notes: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function processPull(deps: PullDeps, session: Session, req: PullRequest): Promise<PullResponse> {
  // 1. The user comes from the session; the client group must be theirs (created if new).
  await claimClientGroup(deps.sql, req.clientGroupID, session);
  const pageSize = deps.config.pullPageSize;

  // 2. One consistent snapshot for the whole response.
  return deps.sql.begin('isolation level repeatable read read only', async (tx) => {
    const [org] = await tx<{ version: string }[]>`select version from organisations where id = ${session.organisationId}`;
    const spaceVersion = Number(org?.version ?? 0);
    const cookie = usableCookie(req.cookie, spaceVersion);

    // 3. Customers changed since the cookie, in (version, id) order, one page (plus one
    //    row to tell whether more follow). The keyset condition walks customers_sync.
    const base = cookie?.since ?? 0;
    const after = cookie?.after;
    const rows = await tx<PulledRow[]>`
      select version, notes_version, notes, ${tx(CUSTOMER_COLUMNS)} from customers
      where organisation_id = ${session.organisationId} and version > ${base}
        ${after ? tx`and (version, id) > (${after.v}, ${after.id}::uuid)` : tx``}
      order by version, id
      limit ${pageSize + 1}`;
    const more = rows.length > pageSize;
    const page = more ? rows.slice(0, pageSize) : rows;

    // 4. The patch: a fresh client starts from a clean slate; customers (those in the
    //    trash too, with deletedAt) and notes that changed since `base`.
    const patch: PatchOperation[] = cookie ? [] : [{ op: 'clear' }];
    for (const row of page) {
      patch.push({ op: 'put', key: customerKey(row.id), value: rowToCustomer(row) });
      if (Number(row.notes_version) <= base) continue;
      if (row.notes) patch.push({ op: 'put', key: notesKey(row.id), value: { text: row.notes } });
      else if (base > 0) patch.push({ op: 'del', key: notesKey(row.id) });
    }

    // 5. More to come: a partial page. The cookie remembers where the catch-up started
    //    and the last row sent; mutation acknowledgements wait for the final page, so a
    //    pending local change never disappears before its effect has arrived.
    const last = page.at(-1);
    if (more && last) {
      const total = after && cookie?.total !== undefined ? cookie.total : await countSince(tx, session.organisationId, base);
      const sent = (after ? (cookie?.sent ?? 0) : 0) + page.length;
      return {
        cookie: {
          order: cookieOrder(Number(last.version), last.id),
          since: base,
          after: { v: Number(last.version), id: last.id },
          total,
          sent,
        },
        lastMutationIDChanges: {},
        patch,
      };
    }

    // 6. Final page: this user's refusals, and the last mutation ids of the clients of
    //    this group that moved since `base`. The cookie is now the space version.
    patch.push(...(await rejectionPatch(tx, session, base)));
    return {
      cookie: { order: cookieOrder(spaceVersion), since: spaceVersion },
      lastMutationIDChanges: await lastMutationIDChanges(tx, req.clientGroupID, base),
      patch,
    };
  });
}

/** A cookie from a newer database (it was reset) or a malformed one starts the client afresh. */
function usableCookie(cookie: SyncCookie | null, spaceVersion: number): SyncCookie | null {
  if (!cookie || cookie.since > spaceVersion) return null;
  if (cookie.after && (cookie.after.v > spaceVersion || !UUID.test(cookie.after.id))) return null;
  return cookie;
}

async function countSince(tx: TransactionSql, organisationId: string, base: number): Promise<number> {
  const [row] = await tx<{ n: string }[]>`
    select count(*) as n from customers where organisation_id = ${organisationId} and version > ${base}`;
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

async function lastMutationIDChanges(tx: TransactionSql, clientGroupID: string, base: number): Promise<Record<string, number>> {
  const rows = await tx<{ id: string; last_mutation_id: string }[]>`
    select id, last_mutation_id from replicache_clients where client_group_id = ${clientGroupID} and version > ${base}`;
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.last_mutation_id)]));
}
