import type { Sql } from 'postgres';
import type { SessionUser } from '../../shared/api.js';
import type { Config } from '../config.js';
import type { PokeBus } from '../sync/poke-bus.js';

/** What every request handler can reach: the database, configuration, the poke bus and a clock. */
export interface AppDeps {
  sql: Sql;
  /** What the health check asks (see `Database.healthSql`); `sql` when absent. */
  healthSql?: Sql;
  config: Config;
  pokes: PokeBus;
  /** The time; tests replace it to control expiry and penalties. */
  now: () => Date;
}

/** The signed-in user of a request, from the session cookie, never from the request body. */
export interface Session {
  user: SessionUser;
  organisationId: string;
  tokenHash: Buffer;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    session: Session | undefined;
  };
};
