import postgres, { type Sql } from 'postgres';
import type { Config } from '../config.js';
import { serverConnectionOptions } from './connection-options.js';
import { openEmbeddedDatabase } from './embedded-database.js';
import { AdvisoryLock, type SessionLock } from './session-lock.js';

/** An open connection pool and how to close it. */
export interface Database {
  sql: Sql;
  /**
   * What health checks ask. With DATABASE_URL a connection of its own: on the pool, a
   * check would wait behind ten busy requests (large ingests) past its time limit, and a
   * load balancer would drop a server that works. The embedded database has one
   * connection for all: there the pool is the check, and a wait on it is the truth.
   */
  healthSql: Sql;
  /** True for the in-process PGlite database (single connection, in-process pokes). */
  embedded: boolean;
  /** The lock that keeps `name`'s work to one server process of this database at a time. */
  lock(name: string): SessionLock;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL at `config.databaseUrl`, or the embedded PGlite database in
 * `<dataDir>/pglite` when no URL is configured. Both answer through postgres.js with its
 * default type mapping (numeric and bigint as strings, timestamptz as Date, jsonb parsed),
 * so the rest of the server never knows which one it talks to.
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) return openEmbeddedDatabase(config.dataDir);
  const sql = postgres(config.databaseUrl, { max: 10, ...serverConnectionOptions() });
  try {
    // Fail at start with the real reason (wrong host, password...) rather than on the first request.
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw new Error(`Cannot connect to the database at DATABASE_URL: ${(error as Error).message}`, { cause: error });
  }
  const url = config.databaseUrl;
  const healthSql = postgres(url, { ...serverConnectionOptions(), max: 1 });
  return {
    sql,
    healthSql,
    embedded: false,
    lock: (name) => new AdvisoryLock(url, name),
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), healthSql.end({ timeout: 1 })]);
    },
  };
}

