/**
 * Money for display: Intl formatters are costly to build, so one per currency is kept.
 * Amounts arrive as exact decimal strings; Number() is fine for display only.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
    } catch {
      // A code this runtime's ICU does not know: plain number, code appended by the caller.
      f = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
    }
    formatters.set(currency, f);
  }
  return f;
}

/** "USD 1,250.50" for ("1250.5", "USD"). */
export function formatMoney(amount: string, currency: string): string {
  const f = formatterFor(currency);
  const text = f.format(Number(amount));
  return f.resolvedOptions().style === 'currency' ? text : `${currency} ${text}`;
}
