import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportLayout, ExportRow } from './export-cells.js';
import { readXlsx } from './export-test-files.js';
import { createXlsxWriter, DATE_FORMAT } from './xlsx-writer.js';

/** Twelve columns, as wide an export as the grid's default view gives. */
const LAYOUT: ExportLayout = {
  columns: [
    { title: 'Name', kind: 'text' },
    { title: 'Account ref', kind: 'text' },
    { title: 'Status', kind: 'text' },
    { title: 'Credit', kind: 'money' },
    { title: 'Currency', kind: 'text' },
    { title: 'Debit limit', kind: 'money' },
    { title: 'Tags', kind: 'text' },
    { title: 'Created', kind: 'date' },
    { title: 'Portal access', kind: 'text' },
    { title: 'ASR', kind: 'percent' },
    { title: 'ACD', kind: 'seconds' },
    { title: 'Contacts', kind: 'number' },
  ],
  currencyAt: 4,
};
const CURRENCIES = ['SEK', 'USD', 'EUR', 'GBP'];

function customerRow(n: number): ExportRow {
  const currency = CURRENCIES[n % CURRENCIES.length]!;
  return [`Carrier ${n}`, `ACC-${n}`, 'active', n % 2 ? -n - 0.25 : n + 0.5, currency, 1000 + n, 'wholesale; tier 1', Date.UTC(2025, 0, 1) + n * 3_600_123, 'No', 57.5, 42.1, n % 9];
}

async function exportRows(chunks: ExportRow[][]): Promise<ExcelJS.Cell[][]> {
  const writer = createXlsxWriter(LAYOUT);
  for (const rows of chunks) writer.add(rows);
  return readXlsx(await writer.finish());
}

describe('XLSX file', () => {
  it('opens in exceljs with one money format per currency, the date, percent and seconds formats and a bold header that stays in view', async () => {
    const rows = [customerRow(0), customerRow(1), customerRow(2), customerRow(3), customerRow(4)];
    const noCurrency: ExportRow = ['Nobody', null, null, 12.5, null, 3, null, null, null, null, null, null];
    const [header, ...cells] = await exportRows([rows, [noCurrency]]);

    expect(header!.map((c) => [c.value, c.font?.bold])).toEqual(LAYOUT.columns.map((c) => [c.title, true]));
    rows.forEach((row, r) => {
      const money = `"${row[4] as string} "#,##0.00##`;
      expect([cells[r]![3]!.value, cells[r]![3]!.numFmt, cells[r]![5]!.value, cells[r]![5]!.numFmt]).toEqual([row[3], money, row[5], money]);
      expect((cells[r]![7]!.value as Date).getTime()).toBe(row[7]);
      expect([cells[r]![7]!.numFmt, cells[r]![9]!.numFmt, cells[r]![10]!.numFmt]).toEqual([DATE_FORMAT, '0.0"%"', '0.0" s"']);
      expect([cells[r]![11]!.type, cells[r]![11]!.numFmt]).toEqual([ExcelJS.ValueType.Number, undefined]);
    });
    // An amount without a currency is still a number, in no currency's format.
    expect([cells[5]![3]!.type, cells[5]![3]!.value, cells[5]![3]!.numFmt]).toEqual([ExcelJS.ValueType.Number, 12.5, undefined]);
  });

  it('keeps the header in view and makes each column as wide as its kind or title needs', async () => {
    const workbook = new ExcelJS.Workbook();
    const writer = createXlsxWriter(LAYOUT);
    writer.add([customerRow(1)]);
    await workbook.xlsx.load(await (await writer.finish()).arrayBuffer());
    const sheet = workbook.getWorksheet('Customers')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(LAYOUT.columns.map((_, i) => sheet.getColumn(i + 1).width)).toEqual([24, 24, 24, 18, 24, 18, 24, 24, 24, 10, 10, 12]);
    expect(workbook.creator).toBe('Trunkline');
  });

  it('drops what XML cannot hold, keeps markup characters and spaces as text, and still neutralises what then looks like a formula', async () => {
    const texts = ['\u0001=cmd|calc', 'A & B <Telecom> "x"', '  two spaces  ', 'bad\u0000\u0008\uFFFE\uD800 bytes', 'line\nbreak'];
    const [, ...cells] = await exportRows([texts.map((text) => [text, null, null, null, 'USD', null, null, null, null, null, null, null])]);
    expect(cells.map((row) => row[0]!.value)).toEqual(["'=cmd|calc", 'A & B <Telecom> "x"', '  two spaces  ', 'bad bytes', 'line\nbreak']);
  });

  it('writes a 2,000-row export as its rows arrive: most of the file is compressed before it is finished', async () => {
    const writer = createXlsxWriter(LAYOUT);
    const atStart = writer.zippedBytes;
    const sizes: number[] = [];
    for (let chunk = 0; chunk < 2; chunk++) {
      writer.add(Array.from({ length: 1000 }, (_, i) => customerRow(chunk * 1000 + i)));
      sizes.push(writer.zippedBytes);
    }
    const file = await writer.finish();
    expect(sizes[0]).toBeGreaterThan(atStart);
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
    expect(sizes[1]).toBeGreaterThan(file.size * 0.9);

    const cells = await readXlsx(file);
    expect(cells).toHaveLength(2001);
    expect(cells[2000]!.map((c) => (c.value instanceof Date ? c.value.getTime() : c.value))).toEqual(customerRow(1999));
  });
});
