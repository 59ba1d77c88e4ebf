import type { Context } from 'hono';
import { AppError } from '../../shared/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { API_KEY_PATTERN, findApiKey, touchApiKey } from './api-key-store.js';

/** How stale last_used_at may get: staff need "in use or not", not a write per call record. */
export const LAST_USED_EVERY_MS = 60 * 1000;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The switch behind an ingest request, from `Authorization: Bearer <key>` or
 * `X-Api-Key: <key>`. Machine clients send no cookie, so ingest routes call this instead
 * of requireSession. A missing, unknown or revoked key is 401 unauthenticated with a
 * message the switch's operator can act on.
 */
export async function authenticateApiKey(c: Context<AppEnv>): Promise<{ id: string; organisationId: string }> {
  const key = keyFromHeaders(c);
  if (key === undefined) {
    throw new AppError('unauthenticated', 'An API key is required: send it as "Authorization: Bearer <key>" or in an X-Api-Key header.');
  }
  const { sql, now } = c.var.deps;
  // A malformed key cannot match, so it costs no query.
  const found = API_KEY_PATTERN.test(key) ? await findApiKey(sql, key) : undefined;
  if (!found) {
    throw new AppError('unauthenticated', 'This API key is not valid. Check it was copied whole, or create a new one.');
  }
  if (found.revokedAt) {
    throw new AppError('unauthenticated', 'This API key was revoked. Create a new key and configure the switch with it.');
  }
  const at = now();
  if (!found.lastUsedAt || at.getTime() - found.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await touchApiKey(sql, found.id, at, LAST_USED_EVERY_MS);
  }
  return { id: found.id, organisationId: found.organisationId };
}

/** The key text from either header, Authorization first; undefined when neither carries one. */
function keyFromHeaders(c: Context<AppEnv>): string | undefined {
  const bearer = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) return bearer;
  const header = c.req.header('x-api-key')?.trim();
  return header ? header : undefined;
}
