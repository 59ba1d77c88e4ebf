import { resolve } from 'node:path';
import { startServerProcess as startProcess } from '../../server/test/server-process.js';
import { createDatabaseOn } from '../../server/test/test-database.js';

/** A real Trunkline server process serving the built client, on its own fresh database. */
export interface ServerProcess {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * With `databaseUrl` the server joins that database (a second server on the same data);
 * otherwise it gets a fresh database, dropped when it stops.
 */
export async function startServerProcess(opts: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const adminUrl = process.env.E2E_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('E2E_PG_ADMIN_URL is not set: run through playwright.config.ts');
  const db = opts.databaseUrl ? undefined : await createDatabaseOn(adminUrl);
  const databaseUrl = opts.databaseUrl ?? db!.url;
  const server = await startProcess(databaseUrl, { staticDir: resolve(import.meta.dirname, '../../dist'), env: opts.env });
  return {
    url: server.url,
    databaseUrl,
    async stop() {
      await server.stop();
      await db?.drop();
    },
  };
}
