import type { ErrorCode } from './errors.js';

/**
 * A change the server refused. It is synced back to the user who made it (under
 * `rej/<id>`) so they learn what was not saved and why, even if they were offline.
 */
export interface Rejection {
  id: string;
  clientID: string;
  mutationID: number;
  mutator: string;
  /** What the user tried, in words ("Create customer “Acme”"). */
  summary: string;
  code: ErrorCode;
  message: string;
  at: string;
}
