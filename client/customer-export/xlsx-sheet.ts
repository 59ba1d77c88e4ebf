import type { ExportKind, ExportLayout, ExportRow, ExportValue } from './export-cells.js';
import { neutraliseFormula } from './formula-injection.js';
import { MAIN_NS, REL_NS, STYLE } from './xlsx-parts.js';
import { xmlSafe, xmlText } from './xlsx-xml.js';

const WIDTHS: Record<ExportKind, number> = { text: 24, number: 12, percent: 10, seconds: 10, money: 18, date: 24 };

const KIND_STYLES: Partial<Record<ExportKind, number>> = { date: STYLE.date, percent: STYLE.percent, seconds: STYLE.seconds };

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel date: days since 1899-12-30. */
const EPOCH_SERIAL = 25_569;

/** "A", "B", … "Z", "AA": the column part of a cell reference. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Text as a spreadsheet keeps it: never a formula, without what XML cannot hold; '' when nothing is left. */
function cellText(text: string): string {
  return xmlText(neutraliseFormula(xmlSafe(text)));
}

function inlineString(ref: string, text: string, style = ''): string {
  // Without xml:space, leading and trailing spaces and line breaks may be dropped on reading.
  const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/**
 * sheet1.xml in pieces: `start()`, then `rows()` per chunk as it arrives, then `end()`.
 * Text is written inline in its cell (no shared-strings table held until the end), numbers
 * as numbers, amounts with their row's currency format, dates as Excel date numbers (UTC).
 */
export class XlsxSheet {
  private readonly kinds: ExportKind[];
  private readonly letters: string[];
  private readonly currencyAt: number | undefined;
  private readonly moneyStyles = new Map<string, number>();
  private nextRow = 2;

  constructor(private readonly layout: ExportLayout) {
    this.kinds = layout.columns.map((c) => c.kind);
    this.letters = layout.columns.map((_, i) => columnLetters(i));
    this.currencyAt = layout.currencyAt;
  }

  /** The currencies of the amounts written so far, in the order of their money styles. */
  get currencies(): string[] {
    return [...this.moneyStyles.keys()];
  }

  /** Up to the header row: the header stays in view when scrolling, columns as wide as their kind needs. */
  start(): string {
    const { columns } = this.layout;
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(WIDTHS[c.kind], c.title.length + 2)}" customWidth="1"/>`);
    const header = columns.map((c, i) => inlineString(`${this.letters[i]}1`, cellText(c.title), ` s="${STYLE.header}"`));
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<cols>${cols.join('')}</cols><sheetData><row r="1">${header.join('')}</row>`
    );
  }

  /** The next rows, numbered on from the last. */
  rows(rows: readonly ExportRow[]): string {
    let xml = '';
    for (const values of rows) {
      const r = this.nextRow++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < this.kinds.length; i++) xml += this.cell(values[i] ?? null, i, r, values);
      xml += '</row>';
    }
    return xml;
  }

  end(): string {
    return '</sheetData></worksheet>';
  }

  private cell(value: ExportValue, i: number, r: number, row: ExportRow): string {
    if (value === null) return '';
    const ref = this.letters[i]! + r;
    if (typeof value === 'string') {
      const text = cellText(value);
      return text === '' ? '' : inlineString(ref, text);
    }
    if (!Number.isFinite(value)) return '';
    const kind = this.kinds[i]!;
    const style = kind === 'money' ? this.moneyStyle(row) : KIND_STYLES[kind];
    const number = kind === 'date' ? value / MS_PER_DAY + EPOCH_SERIAL : value;
    return `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${number}</v></c>`;
  }

  private moneyStyle(row: ExportRow): number | undefined {
    const currency = this.currencyAt === undefined ? null : row[this.currencyAt];
    if (typeof currency !== 'string' || currency === '') return undefined;
    let style = this.moneyStyles.get(currency);
    if (style === undefined) this.moneyStyles.set(currency, (style = STYLE.firstMoney + this.moneyStyles.size));
    return style;
  }
}
