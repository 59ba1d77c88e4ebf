/**
 * Typed error codes shared by client and server. The server maps every thrown AppError
 * to one JSON shape in one place; push records them as refused mutations.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  forbidden: 403,
  bad_origin: 403,
  client_group_forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_name: 409,
  duplicate_account_ref: 409,
  duplicate_sip_username: 409,
  duplicate_email: 409,
  currency_locked: 409,
  already_set_up: 409,
  mutation_from_future: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  /** The database is unreachable for now: retry later (Replicache and switches do). */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field, as a form shows it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[] };
}

/** A refusal the user can act on. Permanent: retrying the same request gives the same answer. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
