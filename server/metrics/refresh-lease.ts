import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

/**
 * A named lease in the database: `tryHold` takes it when it is free or expired, or
 * renews it when this holder has it, and says whether this holder may work now. Several
 * server processes share one database; the lease keeps a job to one of them.
 */
export class RefreshLease {
  readonly holder = randomUUID();

  constructor(
    private readonly sql: Sql,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {}

  async tryHold(now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + this.ttlMs);
    const rows = await this.sql`
      insert into refresh_leases as l (name, holder, until) values (${this.name}, ${this.holder}, ${until})
      on conflict (name) do update set holder = excluded.holder, until = excluded.until
        where l.holder = excluded.holder or l.until < ${now}
      returning holder`;
    return rows.length > 0;
  }

  /** Lets another process take over at once (on shutdown). */
  async release(): Promise<void> {
    await this.sql`delete from refresh_leases where name = ${this.name} and holder = ${this.holder}`;
  }
}
