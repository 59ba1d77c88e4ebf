import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

/** The migrations shipped with the server, found beside this module whatever the working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Key of the session-level advisory lock that serialises migration runs, so two servers
 * starting together against one database apply each migration once. PGlite supports
 * advisory locks too (it is a single session, so the lock is simply always free there).
 */
const MIGRATION_LOCK_KEY = 7_347_001;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/**
 * Applies the pending `*.sql` files of `dir` in name order, each in its own transaction,
 * and returns the names it applied. Refuses to run when a migration that was already
 * applied has changed since: a released migration is never edited, a new one is added.
 * An applied migration missing from `dir` is ignored, so an older server build can still
 * start against a database a newer one has migrated.
 */
export async function migrate(sql: Sql, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  // Lock, reads and DDL must share one connection: a session lock belongs to its connection.
  const conn = await sql.reserve();
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await conn`
        create table if not exists schema_migrations (
          name text primary key,
          checksum text not null,
          applied_at timestamptz not null default now()
        )`;
      const rows = await conn<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations`;
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      for (const file of files) {
        const checksum = applied.get(file.name);
        if (checksum !== undefined && checksum !== file.checksum) {
          throw new Error(
            `Migration ${file.name} was changed after it was applied to this database. ` +
              'Never edit a released migration: restore it and add a new migration instead.',
          );
        }
      }
      const done: string[] = [];
      for (const file of files.filter((f) => !applied.has(f.name))) {
        await applyOne(conn, file);
        done.push(file.name);
      }
      return done;
    } finally {
      await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    conn.release();
  }
}

async function applyOne(conn: Sql, file: MigrationFile): Promise<void> {
  // A reserved connection has no begin(); plain statements give the same one-transaction-per-file.
  await conn.unsafe('begin');
  try {
    await conn.unsafe(file.sql);
    await conn`insert into schema_migrations (name, checksum) values (${file.name}, ${file.checksum})`;
    await conn.unsafe('commit');
  } catch (error) {
    await conn.unsafe('rollback');
    throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name), 'utf8');
      // Line endings are normalised so a Windows checkout does not count as an edit.
      const checksum = createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
      return { name, sql, checksum };
    }),
  );
}
