import ExcelJS from 'exceljs';
import type { ExportKind, ExportLayout, ExportValue } from './export-cells.js';
import type { ExportWriter } from './export-writer.js';
import { neutraliseFormula } from './formula-injection.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Dates are written as UTC (an XLSX date has no time zone): the format says so. */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"';

type Style = Partial<ExcelJS.Style>;

// Cells share one style object per format: exceljs registers a style once per object, not once per cell.
const KIND_STYLES: Partial<Record<ExportKind, Style>> = {
  date: { numFmt: DATE_FORMAT },
  percent: { numFmt: '0.0"%"' },
  seconds: { numFmt: '0.0" s"' },
};

const WIDTHS: Record<ExportKind, number> = { text: 24, number: 12, percent: 10, seconds: 10, money: 18, date: 24 };

/** "USD "#,##0.00##: the amount stays a number, shown with its currency, two to four decimals as stored. */
export function moneyFormat(currency: string): string {
  return `"${currency.replace(/"/g, '')} "#,##0.00##`;
}

/**
 * XLSX with exceljs's in-memory `Workbook`. Its streaming `stream.xlsx.WorkbookWriter` is
 * not in exceljs's browser build (which exports `Workbook` alone) and needs Node's `fs`
 * and the `archiver` zip library, so it cannot run in a Web Worker; the whole sheet is
 * built in the worker's memory instead and zipped at the end.
 *
 * Text is safe from formulas, numbers and amounts are numbers (amounts formatted with the
 * row's currency), dates are dates.
 */
export function createXlsxWriter(layout: ExportLayout, created = new Date()): ExportWriter {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trunkline';
  workbook.created = created;
  const sheet = workbook.addWorksheet('Customers', { views: [{ state: 'frozen', ySplit: 1 }] });
  const { columns, currencyAt } = layout;
  sheet.columns = columns.map((c) => ({ header: neutraliseFormula(c.title), width: Math.max(WIDTHS[c.kind], c.title.length + 2) }));
  sheet.getRow(1).font = { bold: true };

  const moneyStyles = new Map<string, Style>();
  const moneyStyle = (currency: ExportValue): Style | undefined => {
    if (typeof currency !== 'string' || currency === '') return undefined;
    let style = moneyStyles.get(currency);
    if (!style) moneyStyles.set(currency, (style = { numFmt: moneyFormat(currency) }));
    return style;
  };
  const kinds = columns.map((c) => c.kind);

  return {
    add(rows) {
      for (const values of rows) {
        const row = sheet.addRow(values.map((v, i) => cellValue(v, kinds[i]!)));
        const money = currencyAt === undefined ? undefined : moneyStyle(values[currencyAt] ?? null);
        for (let i = 0; i < kinds.length; i++) {
          if (typeof values[i] !== 'number') continue;
          const style = kinds[i] === 'money' ? money : KIND_STYLES[kinds[i]!];
          if (style) row.getCell(i + 1).style = style;
        }
      }
    },
    async finish() {
      const buffer = await workbook.xlsx.writeBuffer();
      return new Blob([buffer], { type: XLSX_TYPE });
    },
  };
}

function cellValue(value: ExportValue, kind: ExportKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return neutraliseFormula(value);
  return kind === 'date' ? new Date(value) : value;
}
