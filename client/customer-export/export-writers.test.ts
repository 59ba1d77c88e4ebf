import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from './export-writer.js';
import type { ExportLayout, ExportRow, ExportValue } from './export-cells.js';
import { exportThroughSession, readCsv, readXlsx } from './export-test-files.js';
import { DATE_FORMAT, moneyFormat } from './xlsx-writer.js';

const LAYOUT: ExportLayout = {
  columns: [
    { title: 'Name', kind: 'text' },
    { title: 'Credit', kind: 'money' },
    { title: 'Currency', kind: 'text' },
    { title: 'Tags', kind: 'text' },
    { title: 'Created', kind: 'date' },
    { title: 'ASR', kind: 'percent' },
    { title: 'ACD', kind: 'seconds' },
    { title: 'Contacts', kind: 'number' },
  ],
  currencyAt: 2,
};
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

// Text with what breaks naive CSV (commas, quotes, line breaks) and what starts formulas.
const textArb = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '😀', ' ', ',', '"', "'", ';', '\n', '\r\n', '1', '.', ...DANGEROUS), minLength: 1, maxLength: 12 });
const orMissing = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });
const rowArb: fc.Arbitrary<ExportRow> = fc.tuple(
  orMissing(textArb),
  orMissing(fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 10_000)),
  fc.constantFrom('USD', 'EUR', 'SEK'),
  orMissing(textArb),
  orMissing(fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') })),
  orMissing(fc.double({ min: 0, max: 100, noNaN: true })),
  orMissing(fc.double({ min: 0, max: 86_400, noNaN: true })),
  orMissing(fc.integer({ min: -1_000_000, max: 1_000_000 })),
);
const chunksArb = fc.array(fc.array(rowArb, { maxLength: 8 }), { maxLength: 5 });

const exportFile = (format: ExportFormat, chunks: ExportRow[][]) =>
  exportThroughSession({ start: { type: 'start', format, layout: LAYOUT }, rows: chunks.map((rows) => ({ type: 'rows', rows })) });

/** What a spreadsheet shows for text: a leading quote where it starts like a formula. */
const safe = (text: string) => (DANGEROUS.some((d) => text.startsWith(d)) ? `'${text}` : text);

function expectedCsvField(value: ExportValue, i: number): string {
  if (value === null) return '';
  if (typeof value === 'string') return safe(value);
  return LAYOUT.columns[i]!.kind === 'date' ? new Date(value).toISOString() : String(value);
}

describe('CSV export', () => {
  it('round-trips through papaparse: text as written but safe from formulas, numbers as plain numbers, dates ISO 8601, missing empty', async () => {
    await fc.assert(
      fc.asyncProperty(chunksArb, async (chunks) => {
        const { bom, rows } = await readCsv((await exportFile('csv', chunks)).file);
        expect(bom).toBe(true);
        expect(rows).toEqual([LAYOUT.columns.map((c) => c.title), ...chunks.flat().map((row) => row.map(expectedCsvField))]);
      }),
      { numRuns: 60 },
    );
  });

  it('neutralises each dangerous start in text, never in numbers', async () => {
    const rows: ExportRow[] = DANGEROUS.map((d, i) => [`${d}cmd|' /C calc'!A0`, -12.5 - i, 'USD', `${d}1+1`, null, null, null, -i - 1]);
    const csv = await readCsv((await exportFile('csv', [rows])).file);
    for (const [i, d] of DANGEROUS.entries()) {
      expect(csv.rows[i + 1]!.slice(0, 2)).toEqual([`'${d}cmd|' /C calc'!A0`, String(-12.5 - i)]);
      expect(csv.rows[i + 1]![3]).toBe(`'${d}1+1`);
      expect(csv.rows[i + 1]![7]).toBe(String(-i - 1));
    }
  });

  it('reports the rows written after each chunk', async () => {
    const row: ExportRow = ['A', 1, 'USD', null, null, null, null, 1];
    const { progress } = await exportFile('csv', [[row, row], [], [row]]);
    expect(progress).toEqual([2, 2, 3]);
  });
});

describe('XLSX export', () => {
  it('round-trips through exceljs: text safe from formulas, numbers as numbers, amounts formatted with their currency, dates as dates', async () => {
    await fc.assert(
      fc.asyncProperty(chunksArb, async (chunks) => {
        const [header, ...cells] = await readXlsx((await exportFile('xlsx', chunks)).file);
        expect(header!.map((c) => c.value)).toEqual(LAYOUT.columns.map((c) => c.title));
        const rows = chunks.flat();
        expect(cells).toHaveLength(rows.length);
        rows.forEach((row, r) => {
          row.forEach((value, i) => {
            const cell = cells[r]![i]!;
            const kind = LAYOUT.columns[i]!.kind;
            if (value === null) expect(cell.value).toBeNull();
            else if (typeof value === 'string') expect(cell.value).toBe(safe(value));
            else if (kind === 'date') {
              expect(cell.type).toBe(ExcelJS.ValueType.Date);
              expect((cell.value as Date).getTime()).toBe(value);
              expect(cell.numFmt).toBe(DATE_FORMAT);
            } else {
              expect(cell.type).toBe(ExcelJS.ValueType.Number);
              expect(cell.value).toBe(value);
              if (kind === 'money') expect(cell.numFmt).toBe(moneyFormat(row[2] as string));
            }
          });
        });
      }),
      { numRuns: 30 },
    );
  });

  it('neutralises each dangerous start in text, never in numbers', async () => {
    const rows: ExportRow[] = DANGEROUS.map((d, i) => [`${d}HYPERLINK("http://evil.example")`, -12.5 - i, 'EUR', null, null, null, null, -i - 1]);
    const [, ...cells] = await readXlsx((await exportFile('xlsx', [rows])).file);
    for (const [i, d] of DANGEROUS.entries()) {
      expect(cells[i]![0]!.type).toBe(ExcelJS.ValueType.String);
      expect(cells[i]![0]!.value).toBe(`'${d}HYPERLINK("http://evil.example")`);
      expect([cells[i]![1]!.type, cells[i]![1]!.value, cells[i]![1]!.numFmt]).toEqual([ExcelJS.ValueType.Number, -12.5 - i, '"EUR "#,##0.00##']);
      expect([cells[i]![7]!.type, cells[i]![7]!.value]).toEqual([ExcelJS.ValueType.Number, -i - 1]);
    }
  });
});
