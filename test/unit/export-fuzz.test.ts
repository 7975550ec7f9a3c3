import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportData, ExportRecord } from '../../functions/src/domain/staff/export-table.js';
import { exportFile } from '../../functions/src/http/export-files.js';
import { staffTexts } from '../../schemas/src/staff-texts.js';
import fi from '../../schemas/texts/staff/fi.json' with { type: 'json' };

const texts = staffTexts({ staff: { fi } });

// What Excel and LibreOffice read as the start of a formula in a CSV cell (OWASP's list).
const FORMULA = /^[=+\-@\t\r]/;
// The one formula the Finnish CSV writes on purpose: a text formula of a phone-number-like text, which only shows it.
const TEXT_FORMULA = /^="[+-][0-9 ().\/-]*"$/;

/** Answers as residents could type them: line breaks, quotes, separators, formula starts, right-to-left and emoji. */
const awkward = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ';', ',', "'", '=HYPERLINK("http://x")', '+358 40 123 4567', ''),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('', '\n=1+1', '\r\n@SUM(A1)', '";"', 'مرحبا', 'привіт', '😀', 'ä\u00ad'),
    )
    .map((parts) => parts.join('')),
);

const QUESTIONS = ['q1', 'q2', 'q3'];

function data(answers: string[][]): ExportData {
  const records: ExportRecord[] = answers.map((row, i) => ({
    reference: `HEI-7KQ4-M${String(i).padStart(3, '0')}`,
    form: 'guidance',
    formTitle: 'Ohjaus ja neuvonta',
    municipality: 'heinola',
    municipalityName: 'Heinola',
    status: 'new',
    lang: 'ar',
    submittedAt: '2026-03-02T08:30:00.000Z',
    assignee: '',
    answers: Object.fromEntries(QUESTIONS.map((q, j) => [q, { value: row[j]!, shown: row[j]! }])),
  }));
  return { questions: QUESTIONS.map((id) => ({ id, label: id })), records };
}

/** An RFC 4180 reader, as a program or a spreadsheet reads the file back. */
const readBack = (body: string, delimiter: string): string[][] =>
  parse(body, { delimiter, bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];

const rows = fc.array(fc.array(awkward, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });

describe('the CSV exports under awkward answers', () => {
  it('csv: every answer comes back as stored, one row per submission, however it breaks lines or quotes', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (answers) => {
        const file = await exportFile(data(answers), 'csv', texts);
        const read = readBack(file.body as string, ',');
        expect(read).toHaveLength(answers.length + 1);
        expect(read.slice(1).map((row) => row.slice(7))).toEqual(answers);
      }),
      { numRuns: 300 },
    );
  });

  it('csv-fi: one row per submission, every answer intact behind its escape, and no cell that starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (answers) => {
        const file = await exportFile(data(answers), 'csv-fi', texts);
        const read = readBack(file.body as string, ';');
        expect(read).toHaveLength(answers.length + 1);
        for (const row of read) {
          expect(row).toHaveLength(7 + QUESTIONS.length);
          for (const cell of row) if (FORMULA.test(cell)) expect(cell).toMatch(TEXT_FORMULA);
        }
        read.slice(1).forEach((row, i) =>
          row.slice(7).forEach((cell, j) => {
            const answer = answers[i]![j]!;
            // Shown as typed: the apostrophe Excel hides, or the text formula's text.
            const shown = TEXT_FORMULA.test(cell) ? cell.slice(2, -1) : FORMULA.test(answer) ? cell.replace(/^'/, '') : cell;
            expect(shown).toBe(answer);
            if (FORMULA.test(answer)) expect(cell).not.toBe(answer);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
