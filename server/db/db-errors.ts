import postgres from 'postgres';

/**
 * Sorts what the database throws into kinds, because each is handled differently:
 *
 * - **transient**: the connection or the server had a moment (reset, restart, failover,
 *   a pooler's idle killer, a full disk, no memory, a cancelled statement, an I/O error)
 *   or the transaction lost a race (serialization failure, deadlock, a lock not
 *   available). The same work may well succeed if tried again: retry it, never refuse it.
 * - **data**: the database refused a value (SQLSTATE class 22, data exception: a NUL in
 *   text, a number that overflows its column; class 23, integrity constraint). The same
 *   work fails the same way every time: it is a refusal, never a retry.
 * - **bug**: any other error of our code or SQL (see `isBugError`): it fails the same
 *   way on every try, and says nothing about the database being away.
 */

/** postgres.js's own codes for a connection it lost or could not make. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say "try again": serialization failure, deadlock; a read-only
 * transaction (an old primary after a failover, or a standby); a statement cancelled (by
 * an administrator, a pooler or a timeout); the server shutting down, refusing
 * connections for now, or ending an idle session; a lock not available or an object in
 * use. Classes 08 (connection exception), 53 (insufficient resources: disk full, out of
 * memory, too many connections, a configuration limit) and 58 (system error: I/O) are
 * transient as a whole.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '25006', '57014', '57P01', '57P02', '57P03', '57P05', '55P03', '55006']);
const TRANSIENT_CLASSES = new Set(['08', '53', '58']);

/** The SQLSTATE of a server error, or undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** True when trying the same work again may well succeed. */
export function isTransientDbError(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return TRANSIENT_SQLSTATES.has(state) || TRANSIENT_CLASSES.has(state.slice(0, 2));
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/**
 * True when `error` says nothing about the database being away, so it will fail the same
 * way however often the work is tried: an error of our own code (a TypeError) or any
 * server error outside the transient ones above (an undefined column, a subquery with
 * two rows, a raise). An outage never counts as one: its errors are all transient, and
 * whoever counts a bug also checks that the database takes writes.
 */
export function isBugError(error: unknown): boolean {
  return !isTransientDbError(error);
}

/** True when the database refused a value: class 22 (data exception) or 23 (integrity constraint). */
export function isDataError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}

/** What a person is told when the database refused a value, by SQLSTATE. */
export function describeDataError(error: unknown): string {
  const state = sqlState(error) ?? '';
  if (state === '22021' || state === '22P05') return 'A text contains a character that cannot be stored (such as a NUL character).';
  if (state === '22003') return 'A number is too large to store.';
  if (state === '22001') return 'A text is longer than its field allows.';
  if (state === '22007' || state === '22008') return 'A date or time is out of range.';
  if (state === '22P02') return 'A value has the wrong form.';
  if (state === '23505') return 'It would duplicate a value that must be unique.';
  if (state === '23503') return 'It refers to something that does not exist.';
  if (state === '23502') return 'A required value is missing.';
  if (state === '23514') return 'A value is outside what its field allows.';
  if (state.startsWith('23')) return 'It breaks a rule of the stored data.';
  return 'A value cannot be stored.';
}
