import type { StaffTexts } from '../../../../schemas/src/staff-texts.js';

/** One exported submission: its codes, the names staff read them by, and its answers as stored and as shown in Finnish. */
export interface ExportRecord {
  reference: string;
  form: string;
  formTitle: string;
  municipality: string;
  municipalityName: string;
  status: string;
  lang: string;
  /** ISO time, UTC. */
  submittedAt: string;
  assignee: string;
  answers: Record<string, { value: unknown; shown: string }>;
}

/** What an export holds: the questions (with a form chosen, in form order; else none) and the submissions. */
export interface ExportData {
  questions: { id: string; label: string }[];
  records: ExportRecord[];
}

/** A time as a Helsinki wall clock: a `Date` whose UTC fields read as the time in Helsinki (spreadsheets have no zones). */
export interface LocalTime {
  local: Date;
}

/** A cell of the Finnish table: text, or a time in Helsinki. */
export type FinnishCell = string | LocalTime;

export interface Table<C> {
  header: string[];
  rows: C[][];
}

/** The export for programs: ids as headers, codes, answers as stored, times in ISO UTC. */
export function machineTable({ questions, records }: ExportData): Table<string> {
  return {
    header: ['reference', 'form', 'municipality', 'status', 'lang', 'submittedAt', 'assignee', ...questions.map((q) => q.id)],
    rows: records.map((r) => [
      r.reference,
      r.form,
      r.municipality,
      r.status,
      r.lang,
      r.submittedAt,
      r.assignee,
      ...questions.map((q) => storedText(r.answers[q.id]?.value)),
    ]),
  };
}

/** The export for people: Finnish headers and names, answers as the kit shows them in Finnish, times in Helsinki. */
export function finnishTable({ questions, records }: ExportData, texts: StaffTexts): Table<FinnishCell> {
  return {
    header: [
      texts.t('fields.reference'),
      texts.t('fields.form'),
      texts.t('fields.municipality'),
      texts.t('fields.status'),
      texts.t('fields.lang'),
      texts.t('fields.receivedAt'),
      texts.t('fields.assignee'),
      ...questions.map((q) => q.label),
    ],
    rows: records.map((r) => [
      r.reference,
      r.formTitle,
      r.municipalityName,
      texts.status(r.status),
      texts.language(r.lang),
      helsinkiTime(r.submittedAt),
      r.assignee,
      ...questions.map((q) => r.answers[q.id]?.shown ?? ''),
    ]),
  };
}

/** An answer as stored, as text: a string as it is, a number or yes/no as JSON writes it, a list or group as JSON. */
export function storedText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const HELSINKI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An ISO time as the Helsinki wall clock (summer time included). */
export function helsinkiTime(iso: string): LocalTime {
  const parts = Object.fromEntries(HELSINKI.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)]));
  return {
    local: new Date(Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!)),
  };
}

/** A Helsinki time as text any spreadsheet reads as a date and time, whatever its locale: `2026-03-02 10:30`. */
export const localTimeText = ({ local }: LocalTime): string => local.toISOString().slice(0, 16).replace('T', ' ');

// A phone number or a signed number: shown as typed when written as a text formula, and safe, since it is only that.
const NUMBER_LIKE = /^[+-][0-9 ().\/-]{0,40}$/;
// What Excel and LibreOffice read as the start of a formula in a CSV cell.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text for a CSV that Excel opens, never read as a formula: a number-like text starting with + or - (a phone
 * number, `+358 40 123 4567`) becomes the text formula `="+358 40 123 4567"`, which Excel shows as typed; any
 * other text starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which Excel shows.
 */
export function excelText(text: string): string {
  if (NUMBER_LIKE.test(text)) return `="${text}"`;
  return FORMULA_START.test(text) ? `'${text}` : text;
}
