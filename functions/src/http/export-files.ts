import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import type { StaffTexts } from '../../../schemas/src/staff-texts.js';
import { InvalidRequest } from '../domain/errors.js';
import { excelText, finnishTable, localTimeText, machineTable, type ExportData, type FinnishCell } from '../domain/staff/export-table.js';

/** The export formats: `csv` for programs, `csv-fi` and `xlsx` for people with Finnish Excel. */
export const EXPORT_FORMATS = ['csv', 'csv-fi', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportFormat(value: string | undefined): ExportFormat {
  if (value === undefined || value === '') return 'csv';
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new InvalidRequest(`format must be one of ${EXPORT_FORMATS.join(', ')}.`);
}

export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  extension: string;
}

// Every field quoted (RFC 4180), so a line break inside an answer stays in its cell; lines end in CRLF.
const CSV = { quoted: true, quoted_empty: true, record_delimiter: 'windows' } as const;

/** The export in `format` (docs/http-contract.md, "Export formats"). */
export async function exportFile(data: ExportData, format: ExportFormat, texts: StaffTexts): Promise<ExportFile> {
  if (format === 'csv') {
    const { header, rows } = machineTable(data);
    return { body: stringify([header, ...rows], CSV), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const { header, rows } = finnishTable(data, texts);
  if (format === 'csv-fi') {
    const text = (cell: FinnishCell) => (typeof cell === 'string' ? excelText(cell) : localTimeText(cell));
    // Finnish Excel splits at `;`; the byte-order mark makes it read UTF-8 (ä, ö, Cyrillic, Arabic).
    const csv = '\uFEFF' + stringify([header.map(excelText), ...rows.map((row) => row.map(text))], { ...CSV, delimiter: ';' });
    return { body: csv, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const cell = (c: FinnishCell): Cell =>
    typeof c === 'string'
      ? { value: c, type: String, ...(c.includes('\n') ? { wrap: true } : {}) }
      : { value: c.local, type: Date, format: 'd.m.yyyy h:mm' };
  const sheet = [header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...rows.map((row) => row.map(cell))];
  const buffer = await writeXlsxFile(sheet, { stickyRowsCount: 1 }).toBuffer();
  return {
    body: Uint8Array.from(buffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  };
}

/**
 * A table of texts and numbers as CSV, the staff export's two ways: `csv` for programs (commas, numbers as JavaScript
 * writes them), `csv-fi` for Finnish Excel (`;`, a byte-order mark, decimal commas, texts safe from formulas).
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[], format: 'csv' | 'csv-fi'): ExportFile {
  if (format === 'csv') {
    const body = stringify([[...header], ...rows.map((row) => row.map(String))], CSV);
    return { body, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const cell = (c: string | number) => (typeof c === 'number' ? String(c).replace('.', ',') : excelText(c));
  const body = '\uFEFF' + stringify([header.map(excelText), ...rows.map((row) => row.map(cell))], { ...CSV, delimiter: ';' });
  return { body, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
}
