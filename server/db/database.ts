import { join } from 'node:path';
import postgres, { type Sql } from 'postgres';
import type { Config } from '../config.js';
import { openEmbeddedDatabase } from './embedded-database.js';

/** An open connection pool and how to close it. */
export interface Database {
  sql: Sql;
  /** True for the in-process PGlite database (single connection, in-process pokes). */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL at `config.databaseUrl`, or the embedded PGlite database in
 * `<dataDir>/pglite` when no URL is configured. Both answer through postgres.js with its
 * default type mapping (numeric and bigint as strings, timestamptz as Date, jsonb parsed),
 * so the rest of the server never knows which one it talks to.
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) return openEmbeddedDatabase(join(config.dataDir, 'pglite'));
  const sql = postgres(config.databaseUrl, { max: 10, ...serverConnectionOptions() });
  try {
    // Fail at start with the real reason (wrong host, password...) rather than on the first request.
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw new Error(`Cannot connect to the database at DATABASE_URL: ${(error as Error).message}`, { cause: error });
  }
  return { sql, embedded: false, close: () => sql.end({ timeout: 5 }) };
}

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
