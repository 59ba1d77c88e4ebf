import { xmlAttribute } from './xlsx-xml.js';

/**
 * The parts of an XLSX file other than the sheet's rows: a one-sheet workbook, its
 * relationships and content types, its properties and its styles. The smallest set that
 * Excel, LibreOffice and exceljs open without repairs.
 */

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';
export const SHEET_NAME = 'Customers';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Dates are written as UTC (an XLSX date has no time zone): the format says so. */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"';
const PERCENT_FORMAT = '0.0"%"';
const SECONDS_FORMAT = '0.0" s"';

/** "USD "#,##0.00##: the amount stays a number, shown with its currency, two to four decimals as stored. */
export function moneyFormat(currency: string): string {
  return `"${currency.replace(/"/g, '')} "#,##0.00##`;
}

/** Cell styles (indexes into styles.xml's cellXfs); money styles follow, one per currency in order of first use. */
export const STYLE = { header: 1, date: 2, percent: 3, seconds: 4, firstMoney: 5 } as const;

/** The parts that do not depend on the rows, by path in the zip. */
export function fixedParts(created: Date): [path: string, xml: string][] {
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreProperties(created)],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
  ];
}

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  `<Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const WORKBOOK =
  `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<bookViews><workbookView/></bookViews>' +
  `<sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets>` +
  '</workbook>';

const WORKBOOK_RELS =
  `${XML}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** Who made the file and when, as a spreadsheet's file properties show it. */
function coreProperties(created: Date): string {
  const at = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>Trunkline</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    '</cp:coreProperties>'
  );
}

// Custom number formats are numbered from 164 (lower ids are built in).
const FIRST_CUSTOM_FORMAT = 164;
const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';

/** styles.xml: the default and bold header styles, date, percent and seconds, then one money style per currency. */
export function stylesPart(currencies: readonly string[]): string {
  const formats = [DATE_FORMAT, PERCENT_FORMAT, SECONDS_FORMAT, ...currencies.map(moneyFormat)];
  const numFmts = formats.map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${xmlAttribute(code)}"/>`);
  const xf = (numFmtId: number, fontId: number) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
    `${fontId ? ' applyFont="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}/>`;
  const cellXfs = [xf(0, 0), xf(0, 1), ...formats.map((_, i) => xf(FIRST_CUSTOM_FORMAT + i, 0))];
  return (
    `${XML}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` +
    `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
