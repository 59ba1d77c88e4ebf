import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import postgres from 'postgres';
import { claimDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';
import { soleHolder } from './session-lock.js';

/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) with its data in
 * `<dataDir>/pglite`, the data directory claimed for this process (see `claimDataDir`),
 * served over the Postgres wire protocol on a free loopback port so the same postgres.js
 * code runs against it as against a real server.
 *
 * PGlite is a single backend session: every socket shares it, so two connections would
 * interleave one another's transactions. Hence exactly one socket connection and a
 * postgres.js pool of one (larger pools gave protocol errors under load). Session-level
 * state such as advisory locks is therefore shared by the whole process, which is fine
 * because only this process opens the data folder.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const dir = join(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const release = claimDataDir(dataDir);
  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create(dir);
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
  } catch (error) {
    release();
    throw error;
  }
  const sql = postgres(`postgres://postgres@${server.getServerConn()}/postgres`, {
    max: 1,
    onnotice: () => {},
    // Never recycle the only connection: a reconnect racing the old socket's detach is refused.
    max_lifetime: null,
    idle_timeout: 0,
  });
  return {
    sql,
    healthSql: sql,
    embedded: true,
    // One process per data directory, and a lock connection would take the only connection.
    lock: () => soleHolder,
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await db.close();
      release();
    },
  };
}
