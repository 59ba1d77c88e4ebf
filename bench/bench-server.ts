import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { insertSampleCustomers } from '../server/sample-data/insert-sample-customers.js';
import { setupAdmin, type ApiClient } from '../server/test/api-client.js';
import { findTestPostgres, type TestPostgres } from '../server/test/postgres-server.js';
import { startServerProcess, type ServerProcess } from '../server/test/server-process.js';
import { createDatabaseOn, type TestDatabase } from '../server/test/test-database.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Builds the client into `dist/` unless a build is already there (or BENCH_STATIC_DIR names another). */
export function ensureClientBuild(): string {
  const staticDir = resolve(process.env.BENCH_STATIC_DIR ?? resolve(ROOT, 'dist'));
  if (existsSync(resolve(staticDir, 'index.html'))) return staticDir;
  console.info(`No client build in ${staticDir}: building it.`);
  const built = spawnSync('npx', ['vite', 'build', '--outDir', staticDir, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  return staticDir;
}

/** PostgreSQL, the bench's own database on it, and the real server processes started on that database. */
export interface BenchEnvironment {
  postgres: TestPostgres;
  staticDir: string;
  /** Direct access to the bench database, for seeding and for checking what the server stored. */
  sql: postgres.Sql;
  databaseUrl: string;
  /** Starts a server process on the bench database (several may run at once, like behind a load balancer). */
  startServer(env?: Record<string, string>): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/** Finds (or starts) PostgreSQL and creates a fresh database for this run, dropped by `stop`. */
export async function openBenchEnvironment(staticDir: string, databaseUrl?: string): Promise<BenchEnvironment> {
  const pg = await findTestPostgres();
  let db: TestDatabase | undefined;
  try {
    db = databaseUrl ? undefined : await createDatabaseOn(pg.adminUrl);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  const url = databaseUrl ?? db!.url;
  const servers: ServerProcess[] = [];
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    postgres: pg,
    staticDir,
    sql,
    databaseUrl: url,
    async startServer(env = {}) {
      const server = await startServerProcess(url, { staticDir, env });
      servers.push(server);
      return server;
    },
    async stop() {
      await sql.end({ timeout: 1 });
      for (const s of servers) await s.stop().catch((e: unknown) => console.warn(`Stopping a server: ${String(e)}`));
      await db?.drop();
      await pg.stop();
    },
  };
}

/** Creates the organisation and its admin on a fresh server. */
export function createAdmin(url: string): Promise<ApiClient> {
  return setupAdmin(url, 'bench@carrier.example');
}

/** Loads `count` (at most 100,000) sample customers into the bench's empty organisation through the API. */
export async function loadSampleCustomers(admin: ApiClient, count: number): Promise<void> {
  const { created } = await admin.postOk<{ created: number }>('/api/sample-data', { count });
  if (created !== count) throw new Error(`The sample-data load created ${created} customers, not ${count}`);
}

/**
 * Adds `count` more sample customers straight into the database: the API loads sample data
 * only into a near-empty organisation. Devices learn of them at their next pull.
 */
export async function addSampleCustomers(sql: postgres.Sql, count: number): Promise<void> {
  const [org] = await sql<{ id: string }[]>`select id from organisations`;
  const load = { organisationId: org!.id, count, seed: `bench-${count}`, now: new Date(), sipRealm: 'trunkline' };
  const { created } = await insertSampleCustomers(sql, load);
  if (created !== count) throw new Error(`Adding sample customers created ${created}, not ${count}`);
}
