import type { TransactionSql } from 'postgres';
import type { DetailCounts } from '../../shared/customer-split.js';

/** The detail counts as columns of a customers query (`n_*`), for rows read without their details. */
export interface DetailCountColumns {
  n_contacts: number;
  n_email_contacts: number;
  n_ips: number;
  n_sip_users: number;
  n_enabled_routes: number;
}

/**
 * The shared `detailCounts`, computed by PostgreSQL next to the rows, so that a pull of
 * list rows whose details have not changed (a bulk status change) neither ships the four
 * lists out of the database nor parses them. Kept equal to `detailCounts` by
 * detail-counts-sql.pg.test.ts. Selecting from `customers` (no alias).
 */
export function detailCountColumns(tx: TransactionSql) {
  return tx`
    jsonb_array_length(contacts) as n_contacts,
    (select count(*)::int from jsonb_array_elements(contacts) k where k ? 'email') as n_email_contacts,
    jsonb_array_length(ip_auth) as n_ips,
    jsonb_array_length(sip_users) as n_sip_users,
    (select count(*)::int from jsonb_array_elements(routes) r where r -> 'enabled' = 'true') as n_enabled_routes`;
}

export function countsOf(row: DetailCountColumns): DetailCounts {
  return {
    contacts: row.n_contacts,
    emailContacts: row.n_email_contacts,
    ips: row.n_ips,
    sipUsers: row.n_sip_users,
    enabledRoutes: row.n_enabled_routes,
  };
}
