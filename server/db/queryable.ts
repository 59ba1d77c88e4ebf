import type { ISql } from 'postgres';

/** Anything that runs queries: the pool (`Sql`) or a transaction inside `sql.begin`. */
export type Queryable = ISql;
