import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import type { GridColumnState } from '../../shared/grid-view.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { testRow } from '../customer-index/customer-test-rows.js';
import { visibleColumnIds } from './export-cells.js';
import { inProcessPort, readCsv, readXlsx } from './export-test-files.js';
import type { ExportFormat } from './export-writer.js';
import { runExport } from './run-export.js';

// More customers than one chunk of rows, so the file is put together from several.
const COUNT = 2_345;
const NAMES = ['Acme, Inc.', 'The "Best" Carrier', '=HYPERLINK("http://evil.example")', '-5 Telecom', '+Plus Voice', '@home VoIP', 'Ørsted Tele', 'Plain Ltd'];
const CURRENCIES = ['USD', 'EUR', 'SEK'];

function customerOf(n: number): Partial<Customer> {
  return {
    name: `${NAMES[n % NAMES.length]} ${n}`,
    currency: CURRENCIES[n % CURRENCIES.length]!,
    credit: n % 2 === 0 ? `-${n}.25` : `${n}.5`,
    tags: n % 5 === 0 ? [] : ['wholesale', `tier ${n % 3}`],
    ...(n % 4 === 0 ? {} : { accountRef: `ACC-${n}` }),
    portalAccess: n % 3 === 0,
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 3_600_123).toISOString(),
  };
}

const customers = Array.from({ length: COUNT }, (_, n) => ({ n, fields: customerOf(n) }));
// Every tenth customer has live figures: ASR 57 %.
const rows = customers.map(({ n, fields }) => testRow(n, fields, n % 10 === 0 ? makeCustomerMetrics() : undefined));

/** The grid as someone arranged it: Tags pinned, Status hidden, Currency not shown. */
const COLUMNS: GridColumnState[] = [
  { id: 'name' },
  { id: 'credit' },
  { id: 'status', hidden: true },
  { id: 'accountRef' },
  { id: 'tags', pinned: true },
  { id: 'createdAt' },
  { id: 'portalAccess' },
  { id: 'asr' },
];
const HEADER = ['Tags', 'Name', 'Credit', 'Currency', 'Account ref', 'Created', 'Portal access', 'ASR'];

const exportAs = (format: ExportFormat) => {
  const progress: number[] = [];
  const file = runExport({ format, rows, columns: visibleColumnIds(COLUMNS), onProgress: (written) => progress.push(written) }, inProcessPort());
  return { file, progress };
};

const safe = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);

describe('an export of the view, read back', () => {
  it('as CSV gives the visible columns in order and every customer in the view\'s order', async () => {
    const { file, progress } = exportAs('csv');
    const { rows: csv } = await readCsv(await file);
    expect(csv[0]).toEqual(HEADER);
    expect(csv.slice(1)).toEqual(
      customers.map(({ n, fields: c }) => [
        c.tags!.join('; '),
        safe(c.name!),
        String(Number(c.credit)),
        c.currency,
        c.accountRef ?? '',
        c.createdAt,
        c.portalAccess ? 'Yes' : 'No',
        n % 10 === 0 ? '57' : '',
      ]),
    );
    expect(progress.at(-1)).toBe(COUNT);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('as XLSX gives the same values typed: amounts as numbers in their currency, dates as dates', async () => {
    const [header, ...cells] = await readXlsx(await exportAs('xlsx').file);
    expect(header!.map((c) => c.value)).toEqual(HEADER);
    expect(cells).toHaveLength(COUNT);
    customers.forEach(({ n, fields: c }, r) => {
      const row = cells[r]!;
      expect(row.map((cell) => (cell.value instanceof Date ? cell.value.toISOString() : cell.value))).toEqual([
        c.tags!.length > 0 ? c.tags!.join('; ') : null,
        safe(c.name!),
        Number(c.credit),
        c.currency,
        c.accountRef ?? null,
        c.createdAt,
        c.portalAccess ? 'Yes' : 'No',
        n % 10 === 0 ? 57 : null,
      ]);
      expect(row[2]!.type).toBe(ExcelJS.ValueType.Number);
      expect(row[2]!.numFmt).toBe(`"${c.currency} "#,##0.00##`);
      expect(row[5]!.type).toBe(ExcelJS.ValueType.Date);
    });
  });
});
