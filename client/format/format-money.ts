/**
 * Money for display: Intl formatters are costly to build, so one per currency is kept,
 * with whether it knows the currency (asking `resolvedOptions()` on each call cost more
 * than the formatting). Amounts arrive as exact decimal strings; Number() is fine for
 * display only.
 */
interface MoneyFormat {
  format: Intl.NumberFormat;
  /** The runtime's ICU knows the code: the formatter writes it; otherwise the caller prefixes it. */
  writesCode: boolean;
}

const formats = new Map<string, MoneyFormat>();

function formatFor(currency: string): MoneyFormat {
  let f = formats.get(currency);
  if (!f) {
    try {
      f = { format: new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' }), writesCode: true };
    } catch {
      // A code this runtime's ICU does not know: plain number, code prefixed below.
      f = { format: new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 }), writesCode: false };
    }
    formats.set(currency, f);
  }
  return f;
}

/** "USD 1,250.50" for ("1250.5", "USD"). */
export function formatMoney(amount: string, currency: string): string {
  const f = formatFor(currency);
  const text = f.format.format(Number(amount));
  return f.writesCode ? text : `${currency} ${text}`;
}
