import type { Sql } from 'postgres';
import { throttlePokes, type ThrottledListener } from './poke-throttle.js';

/**
 * "Pull now" signals per organisation. A push publishes once after it commits; every
 * poke stream of that organisation (on any app server) tells its client to pull.
 */
export interface PokeBus {
  publish(organisationId: string): Promise<void>;
  /** Returns the unsubscribe function. The listener runs at most once per ~50 ms. */
  subscribe(organisationId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** The PostgreSQL channel pokes travel on between app server processes. */
export const POKE_CHANNEL = 'trunkline_poke';

/** The coalescing window: a burst of commits becomes one poke per listener per window. */
export const POKE_WINDOW_MS = 50;

/** Fans a poke out to this process's subscribers. */
class LocalPokes {
  private readonly byOrganisation = new Map<string, Set<ThrottledListener>>();

  deliver(organisationId: string): void {
    for (const listener of this.byOrganisation.get(organisationId) ?? []) listener();
  }

  deliverToAll(): void {
    for (const set of this.byOrganisation.values()) for (const listener of set) listener();
  }

  subscribe(organisationId: string, listener: () => void): () => void {
    const throttled = throttlePokes(listener, POKE_WINDOW_MS);
    let set = this.byOrganisation.get(organisationId);
    if (!set) this.byOrganisation.set(organisationId, (set = new Set()));
    set.add(throttled);
    return () => {
      throttled.cancel();
      set.delete(throttled);
      if (set.size === 0 && this.byOrganisation.get(organisationId) === set) this.byOrganisation.delete(organisationId);
    };
  }

  clear(): void {
    for (const set of this.byOrganisation.values()) for (const listener of set) listener.cancel();
    this.byOrganisation.clear();
  }
}

/**
 * Embedded (PGlite behind one connection): an in-process emitter, since a LISTEN would
 * hold the only connection. Otherwise LISTEN/NOTIFY, so every app server process on the
 * database pokes its own clients; a process hears its own NOTIFY like any other.
 */
export async function createPokeBus(sql: Sql, opts: { embedded: boolean }): Promise<PokeBus> {
  const local = new LocalPokes();
  if (opts.embedded) {
    return {
      async publish(organisationId) {
        local.deliver(organisationId);
      },
      subscribe: (organisationId, listener) => local.subscribe(organisationId, listener),
      async close() {
        local.clear();
      },
    };
  }
  // postgres.js keeps a dedicated connection for LISTEN and listens again after it was lost
  // (a database restart, a terminated session). Pokes sent meanwhile never arrive, so each
  // listen after the first pokes every subscriber here: a needless pull is cheap, a change
  // that shows only after the next one is not.
  let listened = false;
  const listening = await sql.listen(
    POKE_CHANNEL,
    (organisationId) => local.deliver(organisationId),
    () => {
      if (listened) local.deliverToAll();
      listened = true;
    },
  );
  return {
    async publish(organisationId) {
      await sql.notify(POKE_CHANNEL, organisationId);
    },
    subscribe: (organisationId, listener) => local.subscribe(organisationId, listener),
    async close() {
      local.clear();
      await listening.unlisten();
    },
  };
}
