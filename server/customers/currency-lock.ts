import postgres from 'postgres';
import { AppError } from '../../shared/errors.js';

/** SQLSTATE raised by the customers_currency_lock trigger (migration 0006). */
const CURRENCY_LOCKED = 'TL001';

/** The trigger's refusal as the error the user sees; anything else unchanged. */
export function currencyLockError(error: unknown, customer: { name: string }): unknown {
  if (error instanceof postgres.PostgresError && error.code === CURRENCY_LOCKED) {
    return new AppError('currency_locked', `The currency of ${customer.name} cannot change: it has traffic or balance history.`, [
      { path: 'currency', message: 'Fixed once there are calls, charges or payments' },
    ]);
  }
  return error;
}
