import type { TransactionSql } from 'postgres';
import type { Role } from '../../shared/auth.js';
import type { SideEffect } from '../sync/after-commit.js';

/**
 * Everything a server mutator may use: the open transaction (inside the mutation's
 * savepoint) and who is changing what, all taken from the session, never the request.
 */
export interface MutationContext {
  tx: TransactionSql;
  organisationId: string;
  userId: string;
  role: Role;
  /** The space version this mutation writes on every row it touches. */
  version: number;
  /** ISO time of the change; the server's clock wins once synced. */
  now: string;
  /** SIP digest realm, part of every stored HA1. */
  sipRealm: string;
  /** Queues work to run only after this mutation commits (dropped if it is refused). */
  afterCommit(effect: SideEffect): void;
}
