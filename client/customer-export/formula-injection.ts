/**
 * Text that a spreadsheet would read as a formula (OWASP "CSV injection"): a cell starting
 * with one of these can run a formula or a DDE command when the file is opened. Tab and
 * carriage return are on the list because some spreadsheets strip them and then see the
 * character after.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * `text` as a spreadsheet shows it but never evaluates it: a leading single quote when it
 * starts like a formula. Only text goes through here; numbers (a negative credit) are
 * written as numbers and stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

