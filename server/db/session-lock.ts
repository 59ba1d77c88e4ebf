import postgres, { type Sql } from 'postgres';
import { serverConnectionOptions } from './connection-options.js';

/**
 * Work that one server process at a time should do on a database (the metrics refresh:
 * two at once would do all its work twice).
 */
export interface SessionLock {
  /** Takes the lock when it is free; true while this process holds it. Throws when the database cannot say. */
  tryHold(): Promise<boolean>;
  /** True when this process has held the lock without a break since it last took it (never takes it). */
  stillHeld(): Promise<boolean>;
  /** Lets another process take over at once (on shutdown). */
  release(): Promise<void>;
}

/** For a process that is alone on its database (the embedded one, whose data directory it locks): always the holder. */
export const soleHolder: SessionLock = {
  tryHold: async () => true,
  stillHeld: async () => true,
  release: async () => {},
};

/** Seconds an idle lock connection waits before its first TCP keepalive probe (postgres.js's default is 60). */
const KEEP_ALIVE_SECONDS = 30;

/** The first half of every Trunkline advisory lock key (two-key form), "TRKL": keeps clear of other applications' locks. */
const KEY_SPACE = 0x54524b4c;

/**
 * A PostgreSQL session-level advisory lock, held on a connection of its own (never one of
 * the shared pool, where any request could run on the holding session and nothing would
 * end it). It lasts exactly as long as that session: a process that crashes, is killed
 * or loses its connection loses the lock at once, and the next process to ask gets it,
 * with no expiry to wait out. Every check asks PostgreSQL whether this very session holds
 * it, so a session replaced by a reconnect is never taken for the holder (postgres.js
 * reconnects by itself); the new session takes the lock only when it is free.
 */
export class AdvisoryLock implements SessionLock {
  #sql: Sql | undefined;
  readonly #key: number;

  constructor(
    private readonly databaseUrl: string,
    name: string,
  ) {
    this.#key = keyOf(name);
  }

  async tryHold(): Promise<boolean> {
    // One connection, never recycled by age or idleness: the lock lives as long as it does.
    // TCP keepalive keeps an idle connection known to firewalls and NAT on the way, and
    // finds a peer that vanished (a failover) sooner than the system default would.
    this.#sql ??= postgres(this.databaseUrl, { ...serverConnectionOptions(), max: 1, max_lifetime: null, idle_timeout: 0, keep_alive: KEEP_ALIVE_SECONDS });
    const sql = this.#sql;
    // Whatever idle limits the server or its role sets, they must not end the holding
    // session (and so pass the lock on) between refreshes: this session switches them off,
    // from the statement that takes the lock on (idle_session_timeout exists from
    // PostgreSQL 14). Set here rather than as startup parameters, which connection poolers
    // such as PgBouncer refuse, and so on every new session after a reconnect too.
    const [row] = await sql<{ held: boolean }[]>`
      select
        case when current_setting('server_version_num')::int >= 140000 then set_config('idle_session_timeout', '0', false) end,
        set_config('idle_in_transaction_session_timeout', '0', false),
        case when ${this.#heldHere(sql)} then true else pg_try_advisory_lock(${KEY_SPACE}::int4, ${this.#key}::int4) end as held`;
    return row!.held;
  }

  async stillHeld(): Promise<boolean> {
    const sql = this.#sql;
    if (!sql) return false;
    const [row] = await sql<{ held: boolean }[]>`select ${this.#heldHere(sql)} as held`;
    return row!.held;
  }

  /** SQL: true when the session running it holds the lock. */
  #heldHere(sql: Sql) {
    return sql`exists (
      select 1 from pg_locks
      where locktype = 'advisory' and pid = pg_backend_pid() and granted
        and classid = ${KEY_SPACE}::int4::oid and objid = ${this.#key}::int4::oid and objsubid = 2)`;
  }

  async release(): Promise<void> {
    const sql = this.#sql;
    if (!sql) return;
    this.#sql = undefined;
    // Ending the session releases the lock; unlocking first makes that immediate even if ending lingers.
    await sql`select pg_advisory_unlock_all()`.catch(() => {});
    await sql.end({ timeout: 1 });
  }
}

/** A stable 31-bit key for a lock name (FNV-1a). */
function keyOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash & 0x7fffffff;
}
