import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * A fresh, empty database for one test file, dropped afterwards. Tests never share
 * state through the database, and run in parallel safely.
 */
export interface TestDatabase {
  url: string;
  /** The database's name, as `pg_stat_activity.datname` shows it. */
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return createDatabaseOn(inject('pgAdminUrl'));
}

/** The same for callers outside vitest (browser tests, benchmarks): `adminUrl` is the server's maintenance database. */
export async function createDatabaseOn(adminUrl: string): Promise<TestDatabase> {
  const name = `trunkline_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
