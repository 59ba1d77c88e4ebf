import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/queryable.js';
import type { Role } from '../../shared/auth.js';
import type { Session } from '../http/app-env.js';

/**
 * Server-side sessions. The browser holds an opaque random token; the database holds only
 * its SHA-256, so a leaked sessions table opens no session. Expiry slides: an active
 * session stays alive, refreshed at most once an hour to keep reads cheap.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const SLIDE_EVERY_MS = 60 * 60 * 1000;
/** 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewSession {
  token: string;
  tokenHash: Buffer;
  expiresAt: Date;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function sessionExpiry(now: Date, sessionDays: number): Date {
  return new Date(now.getTime() + sessionDays * DAY_MS);
}

/** Starts a session for `userId`; `sql` may be a transaction. */
export async function createSession(
  sql: Queryable,
  userId: string,
  opts: { now: Date; sessionDays: number; userAgent?: string | undefined },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = sessionExpiry(opts.now, opts.sessionDays);
  await sql`
    insert into sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent)
    values (${tokenHash}, ${userId}, ${opts.now}, ${expiresAt}, ${opts.now}, ${opts.userAgent?.slice(0, 300) ?? null})`;
  return { token, tokenHash, expiresAt };
}

export interface FoundSession extends Session {
  /** Set when this lookup slid the expiry forward, so the cookie should be re-sent. */
  renewedUntil?: Date;
}

/**
 * The live session for `token`, or undefined when the token is malformed, unknown,
 * expired, or its user is disabled.
 */
export async function findSession(sql: Queryable, token: string, opts: { now: Date; sessionDays: number }): Promise<FoundSession | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const [row] = await sql<{ id: string; email: string; name: string; role: Role; organisation_id: string; last_seen_at: Date }[]>`
    select u.id, u.email, u.name, u.role, u.organisation_id, s.last_seen_at
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > ${opts.now} and u.disabled_at is null`;
  if (!row) return undefined;
  const session: FoundSession = {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    organisationId: row.organisation_id,
    tokenHash,
  };
  if (opts.now.getTime() - row.last_seen_at.getTime() >= SLIDE_EVERY_MS) {
    const expiresAt = sessionExpiry(opts.now, opts.sessionDays);
    await sql`update sessions set last_seen_at = ${opts.now}, expires_at = ${expiresAt} where token_hash = ${tokenHash}`;
    session.renewedUntil = expiresAt;
  }
  return session;
}

/**
 * Whether the session with `tokenHash` is still live: not signed out, not expired, its user
 * neither disabled nor deleted. For long-lived responses that outlast the request's check.
 */
export async function sessionIsLive(sql: Queryable, tokenHash: Buffer, now: Date): Promise<boolean> {
  const rows = await sql`
    select 1 from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > ${now} and u.disabled_at is null`;
  return rows.length > 0;
}

export async function deleteSession(sql: Queryable, tokenHash: Buffer): Promise<void> {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}
