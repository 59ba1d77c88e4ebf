import postgres from 'postgres';
import { AppError } from '../../shared/errors.js';

const UNIQUE_VIOLATION = '23505';

/** The constraint a statement broke, when it broke a unique index. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  if (error instanceof postgres.PostgresError && error.code === UNIQUE_VIOLATION) return error.constraint_name;
  return undefined;
}

export function duplicateNameError(name: string): AppError {
  return new AppError('duplicate_name', `A customer named “${name}” already exists.`, [
    { path: 'name', message: 'Another customer has this name' },
  ]);
}

export function duplicateAccountRefError(accountRef: string): AppError {
  return new AppError('duplicate_account_ref', `A customer with account reference “${accountRef}” already exists.`, [
    { path: 'accountRef', message: 'Another customer has this account reference' },
  ]);
}

export function duplicateSipUsernameError(username: string): AppError {
  return new AppError('duplicate_sip_username', `The SIP username “${username}” is used by another customer.`, [
    { path: 'sipUsers', message: `${username} is taken` },
  ]);
}

/**
 * Turns a broken customers unique index into the refusal the user sees; anything
 * else is returned unchanged (and stays a transient error for push).
 */
export function customerUniqueError(error: unknown, customer: { name: string; accountRef?: string | undefined }): unknown {
  switch (violatedUniqueIndex(error)) {
    case 'customers_name_key':
      return duplicateNameError(customer.name);
    case 'customers_account_ref_key':
      return duplicateAccountRefError(customer.accountRef ?? '');
    default:
      return error;
  }
}
