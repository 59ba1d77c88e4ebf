import type { Sql } from 'postgres';

const DAY_MS = 86_400_000;

/** Midnight UTC of the day holding `ms`. */
export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

const partitionName = (day: number): string => `cdrs_${new Date(day).toISOString().slice(0, 10).replaceAll('-', '')}`;

/**
 * Daily partitions of `cdrs`, created when the first record of a day arrives. Created
 * outside the ingest transaction (DDL takes a strong lock on the parent) and remembered
 * per process; two processes racing to create the same day both succeed.
 */
export class CdrPartitions {
  readonly #known = new Set<number>();

  constructor(private readonly sql: Sql) {}

  async ensure(days: Iterable<number>): Promise<void> {
    for (const day of days) {
      if (this.#known.has(day)) continue;
      const name = partitionName(day);
      const from = new Date(day).toISOString();
      const to = new Date(day + DAY_MS).toISOString();
      try {
        await this.sql.unsafe(`create table if not exists ${name} partition of cdrs for values from ('${from}') to ('${to}')`);
      } catch (error) {
        // Another process created it between our check and create: fine if it is there now.
        if (!(await this.#exists(name))) throw error;
      }
      this.#known.add(day);
    }
  }

  /**
   * Drops the partitions of days wholly before `keepFrom` (retention). Dropping a whole
   * day is instant and leaves no dead rows behind, unlike deleting records.
   */
  async dropBefore(keepFrom: number): Promise<string[]> {
    const rows = await this.sql<{ name: string }[]>`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
      where p.relname = 'cdrs' and c.relname ~ '^cdrs_[0-9]{8}$'`;
    const dropped: string[] = [];
    for (const { name } of rows) {
      const day = Date.parse(`${name.slice(5, 9)}-${name.slice(9, 11)}-${name.slice(11, 13)}T00:00:00Z`);
      if (day + DAY_MS > keepFrom) continue;
      await this.sql.unsafe(`drop table if exists ${name}`);
      this.#known.delete(day);
      dropped.push(name);
    }
    return dropped;
  }

  async #exists(name: string): Promise<boolean> {
    const [row] = await this.sql<{ n: number }[]>`select count(*)::int as n from pg_class where relname = ${name}`;
    return (row?.n ?? 0) > 0;
  }
}
