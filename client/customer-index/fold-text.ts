const COMBINING_MARKS = /[\u0300-\u036f]/g;
const HAS_NON_ASCII = /[^\x20-\x7e]/;

/**
 * Lowercase without accents ("Émile" -> "emile"), so search and sort treat them alike
 * and can compare plain strings instead of calling localeCompare in hot loops.
 * ASCII text (the common case) skips the Unicode normalisation.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return HAS_NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}
