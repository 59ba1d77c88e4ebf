import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import { isTransientDbError } from '../db/db-errors.js';

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 2;

/**
 * The one place errors become responses, always `{ error: { code, message, issues? } }`.
 * AppErrors carry their own status; a Hono HTTPException keeps its own response when it
 * has one; a database that is away for a moment (a lost connection, a restart, a lost race)
 * is a 503 with Retry-After, which Replicache and switches retry, not a bug; anything else
 * is a bug: the client gets a reference to quote, the log gets the stack under the same
 * reference, and no internals leak into the response.
 */
export function handleError(err: Error, c: Context): Response {
  if (isAppError(err)) return c.json(err.toBody(), err.status as ContentfulStatusCode);
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    const body: ErrorBody = { error: { code: codeForStatus(err.status), message: err.message || 'Request refused' } };
    return c.json(body, err.status);
  }
  if (isTransientDbError(err)) {
    console.warn(`Database unavailable on ${c.req.method} ${c.req.path}: ${err.message}`);
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(new AppError('unavailable', 'The database is unreachable; try again shortly.').toBody(), 503);
  }
  const ref = randomBytes(4).toString('hex');
  console.error(`Internal error ref ${ref} on ${c.req.method} ${c.req.path}:`, err);
  const body: ErrorBody = { error: { code: 'internal', message: `Internal error (ref ${ref})` } };
  return c.json(body, 500);
}

/** Unknown `/api` routes answer JSON, never the single-page app's HTML. */
export function handleNotFound(c: Context): Response {
  return c.json(new AppError('not_found', `No such API route: ${c.req.method} ${c.req.path}`).toBody(), 404);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid_input';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return 'internal';
  }
}
