import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import postgres, { type Sql } from 'postgres';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { createPokeBus } from '../sync/poke-bus.js';
import type { AppDeps } from '../http/app-env.js';

/** The real application on a random loopback port over a real PostgreSQL database. */
export interface TestServer {
  url: string;
  sql: Sql;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function startTestServer(databaseUrl: string, overrides: Partial<AppDeps> = {}): Promise<TestServer> {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  await migrate(sql);
  const config = { ...loadConfig({ PORT: '0', DATABASE_URL: databaseUrl }), secureCookies: false as const };
  const pokes = await createPokeBus(sql, { embedded: false });
  const deps: AppDeps = { sql, config, pokes, now: () => new Date(), ...overrides };
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sql,
    deps,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pokes.close();
      await sql.end({ timeout: 5 });
    },
  };
}
