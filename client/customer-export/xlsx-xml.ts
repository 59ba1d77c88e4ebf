/** Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Anything `xmlSafe` or `xmlText` may change: most text has none of it and is returned as is. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_WORK = /[&<>_\0-\x08\x0B\x0C\r\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/**
 * Spreadsheets read `_x0041_` in cell text as an escaped "A" (ECMA-376's ST_Xstring), so an
 * underscore that starts such a sequence is itself escaped as `_x005F_`.
 */
const X_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;
// A carriage return as a reference: written as is, XML parsers read it as a line feed.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
const entity = (c: string) => ENTITIES[c]!;

/** Text without the characters XML forbids (a file holding one does not open). */
export function xmlSafe(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(NOT_XML, '') : text;
}

/** `text` (already `xmlSafe`) as element content that a spreadsheet shows exactly as `text`. */
export function xmlText(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(/[&<>\r]/g, entity).replace(X_ESCAPE, '_x005F_') : text;
}

/** `text` as an attribute value between double quotes. */
export function xmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"\r]/g, entity);
}
