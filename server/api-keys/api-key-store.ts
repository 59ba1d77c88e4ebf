import { randomBytes } from 'node:crypto';
import type { ApiKeySummary, CreateApiKeyResponse } from '../../shared/api.js';
import { AppError } from '../../shared/errors.js';
import { hashToken } from '../auth/sessions.js';
import type { Queryable } from '../db/queryable.js';

/**
 * Switch API keys. A key is `tlk_` plus 32 random bytes in base64url; the database holds
 * only its SHA-256 (like session tokens), so a leaked table opens no ingest endpoint, and
 * its first 12 characters, so staff can tell keys apart without seeing them.
 */

/** Marks a Trunkline key, so it is recognisable in a switch's configuration or a secret scanner. */
export const API_KEY_TEXT_PREFIX = 'tlk_';
/** `tlk_` and 32 random bytes in base64url: anything else is not one of our keys. */
export const API_KEY_PATTERN = /^tlk_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 12;

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface NewApiKey {
  organisationId: string;
  name: string;
  createdBy: string;
  now: Date;
}

/** Creates a key and returns it with its full text, the only time that text exists outside the caller. */
export async function createApiKey(sql: Queryable, input: NewApiKey): Promise<CreateApiKeyResponse> {
  const key = API_KEY_TEXT_PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, SHOWN_PREFIX_LENGTH);
  const [row] = await sql<ApiKeyRow[]>`
    insert into api_keys (organisation_id, name, prefix, key_hash, created_by, created_at)
    values (${input.organisationId}, ${input.name}, ${prefix}, ${hashToken(key)}, ${input.createdBy}, ${input.now})
    returning id, name, prefix, created_at, last_used_at, revoked_at`;
  return { ...toSummary(row!), key };
}

/** The keys of one organisation, revoked ones included, oldest first. */
export async function listApiKeys(sql: Queryable, organisationId: string): Promise<ApiKeySummary[]> {
  const rows = await sql<ApiKeyRow[]>`
    select id, name, prefix, created_at, last_used_at, revoked_at from api_keys
    where organisation_id = ${organisationId}
    order by created_at, id`;
  return rows.map(toSummary);
}

/**
 * Revokes a key of `organisationId`. Revoking twice keeps the first revocation time; a key
 * of another organisation is 404 not_found, exactly like one that does not exist.
 */
export async function revokeApiKey(sql: Queryable, organisationId: string, id: string, now: Date): Promise<ApiKeySummary> {
  const [row] = await sql<ApiKeyRow[]>`
    update api_keys set revoked_at = coalesce(revoked_at, ${now})
    where id = ${id} and organisation_id = ${organisationId}
    returning id, name, prefix, created_at, last_used_at, revoked_at`;
  if (!row) throw new AppError('not_found', 'There is no such API key.');
  return toSummary(row);
}

export interface StoredApiKey {
  id: string;
  organisationId: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The key whose full text is `key`, revoked or not, or undefined. */
export async function findApiKey(sql: Queryable, key: string): Promise<StoredApiKey | undefined> {
  const [row] = await sql<{ id: string; organisation_id: string; last_used_at: Date | null; revoked_at: Date | null }[]>`
    select id, organisation_id, last_used_at, revoked_at from api_keys where key_hash = ${hashToken(key)}`;
  if (!row) return undefined;
  return { id: row.id, organisationId: row.organisation_id, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/**
 * Records that a key was used at `now`, unless it was recorded less than `minIntervalMs`
 * ago. The condition is in the statement, so servers racing on the same key write once.
 */
export async function touchApiKey(sql: Queryable, id: string, now: Date, minIntervalMs: number): Promise<void> {
  const staleBefore = new Date(now.getTime() - minIntervalMs);
  await sql`
    update api_keys set last_used_at = ${now}
    where id = ${id} and (last_used_at is null or last_used_at <= ${staleBefore})`;
}

function toSummary(r: ApiKeyRow): ApiKeySummary {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}
