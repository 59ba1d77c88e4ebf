import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlAttribute, xmlSafe, xmlText } from './xlsx-xml.js';

/** What XML 1.0 allows in a document. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** The text a spreadsheet shows for element content: XML's entities, then ECMA-376's `_xHHHH_` escapes. */
const asSpreadsheetReads = (xml: string) =>
  xml
    .replace(/&#13;/g, '\r')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// Whole code points (emoji included), lone surrogates, controls, markup and escape-like text.
const textArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('_', 'x', '0', '4', '1', 'F', '&', '<', '>', '"', 'a', '\r', '\n', '\u0000', '\u001F', '\uFFFE', '\uD800', '\uDC00', '😀') }),
);

describe('XML text', () => {
  it('keeps every character XML allows and drops only the others', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const safe = xmlSafe(text);
        expect(safe).toMatch(XML_CHAR);
        expect(safe).toBe([...text].filter((c) => XML_CHAR.test(c)).join(''));
      }),
    );
  });

  it('is shown by a spreadsheet exactly as the text, even where the text looks like an escape', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const safe = xmlSafe(text);
        expect(asSpreadsheetReads(xmlText(safe))).toBe(safe);
      }),
    );
    expect(xmlText('_x0041_ & <b>')).toBe('_x005F_x0041_ &amp; &lt;b&gt;');
    // A carriage return as a reference: written as is, XML would read it as a line feed.
    expect(xmlText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('escapes quotes in attributes', () => {
    expect(xmlAttribute('"USD "#,##0.00 & <x>\u0001')).toBe('&quot;USD &quot;#,##0.00 &amp; &lt;x&gt;');
  });
});
