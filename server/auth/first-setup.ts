import type { Sql } from 'postgres';
import type { MeResponse, SetupRequest } from '../../shared/api.js';
import { AppError } from '../../shared/errors.js';
import type { Queryable } from '../db/queryable.js';
import { insertUser } from '../users/user-store.js';
import { createSession, type NewSession } from './sessions.js';

/** Transaction-level advisory lock taken by set-up, so two simultaneous set-ups run one after the other. */
const SETUP_LOCK_KEY = 7_347_002;

/** True until the first user exists. */
export async function needsSetup(sql: Queryable): Promise<boolean> {
  const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from users) as empty`;
  return row!.empty;
}

/**
 * Creates the organisation, its first admin and a session for them, in one transaction.
 * Allowed only while no user exists; the loser of two simultaneous set-ups waits on the
 * lock, then sees the winner's admin and gets 409 already_set_up.
 */
export async function setUpFirstAdmin(
  sql: Sql,
  input: SetupRequest & { passwordHash: string },
  session: { now: Date; sessionDays: number; userAgent?: string | undefined },
): Promise<MeResponse & { session: NewSession }> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if (!(await needsSetup(tx))) throw new AppError('already_set_up', 'Trunkline is already set up. Sign in instead.');
    const [org] = await tx<{ id: string; name: string }[]>`
      insert into organisations (name) values (${input.organisation}) returning id, name`;
    const user = await insertUser(tx, {
      organisationId: org!.id,
      email: input.email,
      name: input.name,
      role: 'admin',
      passwordHash: input.passwordHash,
    });
    const newSession = await createSession(tx, user.id, session);
    return {
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      organisation: { id: org!.id, name: org!.name },
      session: newSession,
    };
  });
}
