import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres, { type Sql } from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';

const shipped = readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort();
const cleanups: (() => Promise<void> | void)[] = [];

/** A new empty database and a pool on it; `connect()` opens another pool, as a second server would. */
async function freshDatabase(): Promise<Sql & { connect(): Sql }> {
  const db: TestDatabase = await createTestDatabase();
  const pools: Sql[] = [];
  const connect = () => {
    const pool = postgres(db.url, { max: 4, onnotice: () => {} });
    pools.push(pool);
    return pool;
  };
  cleanups.push(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });
  return Object.assign(connect(), { connect });
}

function tempMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trunkline-migrations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('migrate', () => {
  it('applies every shipped migration once, in name order, and nothing on the next start', async () => {
    const sql = await freshDatabase();
    expect(shipped[0]).toBe('0001_initial.sql');
    expect(await migrate(sql)).toEqual(shipped);
    const tables = await sql`select tablename from pg_tables where schemaname = 'public'`;
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['organisations', 'users', 'sessions', 'customers', 'schema_migrations']));
    const recorded = await sql`select name, checksum from schema_migrations order by name`;
    expect(recorded.map((r) => r.name)).toEqual(shipped);
    expect(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.checksum as string))).toBe(true);

    expect(await migrate(sql)).toEqual([]);
  });

  it('finds its migrations beside the module, whatever the working directory', () => {
    expect(MIGRATIONS_DIR.replace(/\\/g, '/')).toMatch(/\/server\/db\/migrations\/$/);
  });

  it('applies each migration once when two servers start together on a fresh database', async () => {
    const sql = await freshDatabase();
    const [a, b] = await Promise.all([migrate(sql), migrate(sql.connect())]);
    expect([...a, ...b].sort()).toEqual(shipped);
    const recorded = await sql`select name from schema_migrations`;
    expect(recorded).toHaveLength(shipped.length);
  });

  it('refuses to start when an applied migration was edited, and applies nothing', async () => {
    const sql = await freshDatabase();
    const dir = tempMigrations({ '0001_first.sql': 'create table first_table (id int);' });
    expect(await migrate(sql, dir)).toEqual(['0001_first.sql']);

    writeFileSync(join(dir, '0001_first.sql'), 'create table first_table (id bigint);');
    writeFileSync(join(dir, '0002_second.sql'), 'create table second_table (id int);');
    await expect(migrate(sql, dir)).rejects.toThrow(/0001_first\.sql was changed after it was applied.*Never edit a released migration/);
    expect(await sql`select 1 from pg_tables where tablename = 'second_table'`).toHaveLength(0);
  });

  it('treats a Windows checkout (CRLF line endings) as the same migration', async () => {
    const sql = await freshDatabase();
    const dir = tempMigrations({ '0001_first.sql': 'create table a (id int);\ncreate table b (id int);\n' });
    await migrate(sql, dir);
    writeFileSync(join(dir, '0001_first.sql'), 'create table a (id int);\r\ncreate table b (id int);\r\n');
    expect(await migrate(sql, dir)).toEqual([]);
  });

  it('rolls a failing migration back completely and records nothing, so a fixed file applies cleanly', async () => {
    const sql = await freshDatabase();
    const dir = tempMigrations({
      '0001_ok.sql': 'create table ok_table (id int);',
      '0002_broken.sql': 'create table half_table (id int);\ninsert into no_such_table values (1);',
    });
    await expect(migrate(sql, dir)).rejects.toThrow(/Migration 0002_broken\.sql failed: .*no_such_table/);
    expect((await sql`select name from schema_migrations`).map((r) => r.name)).toEqual(['0001_ok.sql']);
    expect(await sql`select 1 from pg_tables where tablename = 'half_table'`).toHaveLength(0);

    writeFileSync(join(dir, '0002_broken.sql'), 'create table half_table (id int);');
    expect(await migrate(sql, dir)).toEqual(['0002_broken.sql']);
    // The lock was released after the failure, or this second run would have hung. Only this
    // database's locks count: test files running beside this one take locks of their own.
    expect(
      await sql`select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
    ).toHaveLength(0);
  });
});

