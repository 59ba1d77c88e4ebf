/** The name this server's sessions carry in `pg_stat_activity`, so an administrator can tell them apart. */
export const APPLICATION_NAME = 'trunkline';

/**
 * postgres.js options for every connection to a PostgreSQL server. Reconnects back off
 * by at most ~2 s (postgres.js's default grows to 20 s), so the app is back within
 * moments of the database.
 */
export function serverConnectionOptions() {
  return {
    onnotice: () => {},
    connection: { application_name: APPLICATION_NAME },
    backoff: (attempt: number) => Math.min(2, 0.05 * 2 ** attempt) * (0.5 + Math.random() / 2),
  };
}
