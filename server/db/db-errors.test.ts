import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { describeDataError, isBugError, isDataError, isTransientDbError } from './db-errors.js';
import { retryTransient } from './retry-transient.js';

/** A server error as postgres.js builds it from an ErrorResponse. */
function serverError(code: string): postgres.PostgresError {
  const PgError = postgres.PostgresError as unknown as new (x: Record<string, string>) => postgres.PostgresError;
  return new PgError({ code, message: `error ${code}` });
}

const connectionError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('database error kinds', () => {
  it('treats lost connections, serialization failures and deadlocks as transient', () => {
    for (const e of [connectionError('CONNECTION_CLOSED'), connectionError('ECONNRESET'), serverError('40001'), serverError('40P01'), serverError('57P01'), serverError('08006')]) {
      expect(isTransientDbError(e)).toBe(true);
      expect(isDataError(e)).toBe(false);
    }
  });

  it('treats refused values (classes 22 and 23) as data errors, never transient', () => {
    for (const code of ['22021', '22003', '23505', '23514']) {
      expect(isDataError(serverError(code))).toBe(true);
      expect(isTransientDbError(serverError(code))).toBe(false);
    }
    expect(describeDataError(serverError('22021'))).toMatch(/NUL/);
    expect(describeDataError(serverError('22003'))).toMatch(/too large/);
  });

  it('treats outages as transient: a read-only server, no resources, a cancelled statement, I/O, a lock not available', () => {
    for (const code of ['25006', '53100', '53200', '53300', '53400', '57014', '57P05', '58030', '58000', '55P03', '55006']) {
      expect([code, isTransientDbError(serverError(code))]).toEqual([code, true]);
      expect([code, isBugError(serverError(code))]).toEqual([code, false]);
    }
  });

  it('treats our own bugs as neither', () => {
    expect(isTransientDbError(new TypeError('x is undefined'))).toBe(false);
    expect(isDataError(serverError('42703'))).toBe(false);
  });

  it('calls every error a bug that is not an outage or a lost race', () => {
    for (const e of [new TypeError('x is undefined'), serverError('42703'), serverError('42P01'), serverError('0A000'), serverError('P0001'), serverError('XX000'), serverError('21000'), serverError('25P02'), serverError('22012')]) {
      expect(isBugError(e)).toBe(true);
    }
    for (const e of [connectionError('CONNECTION_CLOSED'), serverError('08006'), serverError('40001'), serverError('40P01'), serverError('57014'), serverError('53100')]) {
      expect(isBugError(e)).toBe(false);
    }
  });
});

describe('retryTransient', () => {
  it('retries transient failures and returns the first success', async () => {
    let calls = 0;
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw serverError('40P01');
        return 'done';
      },
      { firstDelayMs: 1 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of tries with the last error', async () => {
    let calls = 0;
    const failing = retryTransient(
      async () => {
        calls++;
        throw connectionError('CONNECTION_CLOSED');
      },
      { attempts: 4, firstDelayMs: 1 },
    );
    await expect(failing).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(calls).toBe(4);
  });

  it('never retries a data error', async () => {
    let calls = 0;
    const failing = retryTransient(async () => {
      calls++;
      throw serverError('22021');
    });
    await expect(failing).rejects.toMatchObject({ code: '22021' });
    expect(calls).toBe(1);
  });
});
