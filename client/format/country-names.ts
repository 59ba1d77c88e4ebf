import { COUNTRY_CODES } from '../../shared/iso-codes.js';

let displayNames: Intl.DisplayNames | undefined;

/** "Germany" for "DE"; the code itself when the runtime has no name for it. */
export function countryName(code: string): string {
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

let options: { value: string; label: string }[] | undefined;

/** Select options for every country, sorted by name, built once. */
export function countryOptions(): { value: string; label: string }[] {
  options ??= COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
    a.label.localeCompare(b.label, 'en'),
  );
  return options;
}
