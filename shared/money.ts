/**
 * Money as exact decimal strings. Balances are never binary floats: Postgres stores
 * numeric(20,4) and JSON carries a canonical decimal string ("12.50", "-3.1250").
 * Arithmetic goes through bigint ten-thousandths so sums are exact.
 */
export const MONEY_SCALE = 4;
const UNIT = 10n ** BigInt(MONEY_SCALE);
const MONEY_PATTERN = /^-?\d{1,16}(\.\d{1,4})?$/;

/** True when `value` is a decimal string with at most 16 integer and 4 fraction digits. */
export function isMoney(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

/** Parses a decimal string into ten-thousandths of the currency unit. Throws on bad input. */
export function toMinor(value: string): bigint {
  if (!isMoney(value)) throw new RangeError(`Not a money amount: ${value}`);
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const minor = BigInt(whole) * UNIT + BigInt(fraction.padEnd(MONEY_SCALE, '0'));
  return negative ? -minor : minor;
}

/** Formats ten-thousandths as the canonical string: at least two decimals, no trailing zeros beyond. */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / UNIT;
  let fraction = (abs % UNIT).toString().padStart(MONEY_SCALE, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const text = `${whole}.${fraction}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** Canonical form of a decimal string ("5" -> "5.00", "1.2300" -> "1.23"). */
export function normalizeMoney(value: string): string {
  return fromMinor(toMinor(value));
}

/**
 * The largest amount anyone may enter, and the largest balance a payment or adjustment
 * may make, either way. Columns are numeric(20,4): 16 integer digits. Amounts and
 * balances bounded to 13 digits leave room for sums (credit plus debit limit, a ledger
 * delta) and for call charges on top, so no write can overflow.
 */
export const MAX_MONEY_UNITS = 1_000_000_000_000n;
const MAX_MONEY_MINOR = MAX_MONEY_UNITS * UNIT;
export const MONEY_BOUND_MESSAGE = `At most ${MAX_MONEY_UNITS.toLocaleString('en')} either way`;

/** True unless `value` is a money amount beyond ±MAX_MONEY_UNITS (a malformed one is for `isMoney` to refuse). */
export function isWithinMoneyBound(value: string): boolean {
  if (!isMoney(value)) return true;
  const minor = toMinor(value);
  return minor <= MAX_MONEY_MINOR && minor >= -MAX_MONEY_MINOR;
}

/**
 * Why adding `amount` to the balance `credit` is refused, or undefined when it is fine:
 * the result may not lie beyond ±MAX_MONEY_UNITS, unless it is nearer zero than the
 * balance already is (a balance pushed past the bound by charges can always be corrected).
 */
export function balanceBoundError(credit: string, amount: string): string | undefined {
  const before = toMinor(credit);
  const after = before + toMinor(amount);
  const abs = (v: bigint) => (v < 0n ? -v : v);
  if (abs(after) <= MAX_MONEY_MINOR || abs(after) <= abs(before)) return undefined;
  return `The balance would become ${fromMinor(after)}, beyond the limit of ${MAX_MONEY_UNITS.toLocaleString('en')} either way.`;
}

/** Exact sum of decimal strings. */
export function addMoney(...values: string[]): string {
  return fromMinor(values.reduce((sum, v) => sum + toMinor(v), 0n));
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareMoney(a: string, b: string): number {
  const d = toMinor(a) - toMinor(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** A number for display and sorting only; never feed it back into storage. */
export function moneyToNumber(value: string): number {
  return Number(value);
}
