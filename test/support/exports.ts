import { expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

/** A Finnish CSV export read back as a spreadsheet shows it: `;`, RFC 4180 quoting, the byte-order mark dropped. */
export function readFinnishCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parse(text, { delimiter: ';', bom: true, relax_quotes: false, relax_column_count: false }) as string[][];
  return rows.map((row) => row.map(shownByExcel));
}

/** The machine CSV read back: `,`, RFC 4180 quoting, no byte-order mark. */
export function readMachineCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(false);
  return parse(text, { relax_quotes: false, relax_column_count: false }) as string[][];
}

/** The text Excel shows for a Finnish CSV cell: `="+358 40"` as `+358 40`, `'=1+1` as `=1+1` (the apostrophe stays visible there). */
export function shownByExcel(cell: string): string {
  const text = /^="([^"]*)"$/.exec(cell);
  if (text) return text[1]!;
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** True when Excel would read a Finnish CSV cell as a formula other than a quoted text (`="…"` with no quote inside). */
export const formulaInCell = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^="[^"]*"$/.test(cell);

/** An XLSX export's first sheet as rows of text and dates, nothing trimmed, an empty cell as ''. */
export async function readXlsx(bytes: Uint8Array): Promise<(string | Date | number | boolean)[][]> {
  const rows = (await readSheet(Buffer.from(bytes), { trim: false })) as (string | Date | number | boolean | null)[][];
  // A date is a fraction of days in the file, read back a millisecond off: to the second, as Excel shows it.
  return rows.map((row) => row.map((cell) => (cell instanceof Date ? new Date(Math.round(cell.getTime() / 1000) * 1000) : (cell ?? ''))));
}

/** A Helsinki wall-clock `Date` (as the XLSX holds it) as the Finnish CSV writes it. */
export const csvTime = (date: Date): string => date.toISOString().slice(0, 16).replace('T', ' ');
