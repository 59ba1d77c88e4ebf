import type { Sql, TransactionSql } from 'postgres';
import { AppError } from '../../shared/errors.js';
import type { Session } from '../http/app-env.js';

/**
 * A Replicache client group belongs to the user who first synced with it. Anyone else
 * naming it is refused, so a leaked client group id cannot be used to push as, or pull
 * the rejections of, another user.
 */

function forbidden(): AppError {
  return new AppError('client_group_forbidden', 'This device’s sync data belongs to another user. Sign out and sign in again.');
}

/** Creates the client group on first sight, records that it was seen, and refuses another user's. */
export async function claimClientGroup(sql: Sql | TransactionSql, clientGroupID: string, session: Session): Promise<void> {
  const owned = await sql`
    insert into replicache_client_groups (id, user_id, organisation_id)
    values (${clientGroupID}, ${session.user.id}, ${session.organisationId})
    on conflict (id) do update set last_seen_at = now()
      where replicache_client_groups.user_id = ${session.user.id}
    returning id`;
  if (owned.length === 0) throw forbidden();
}

/** Refuses a push naming a client that another client group already owns. */
export async function refuseForeignClients(sql: Sql | TransactionSql, clientGroupID: string, clientIDs: string[]): Promise<void> {
  if (clientIDs.length === 0) return;
  const [foreign] = await sql`
    select id from replicache_clients
    where id = any(${sql.array([...new Set(clientIDs)])}::text[]) and client_group_id <> ${clientGroupID}
    limit 1`;
  if (foreign) throw forbidden();
}

/** The same refusal, for a client found inside a mutation's transaction. */
export function foreignClientError(): AppError {
  return forbidden();
}
