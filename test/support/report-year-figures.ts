import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { MonthRow, ReportCell } from '../../schemas/src/report-contract.js';
import { newReference } from '../../schemas/src/reference.js';
import { countSubmission } from '../../functions/src/domain/reports/count-submission.js';
import { changeSubmission } from '../../functions/src/domain/staff/change-submission.js';
import type { Submission } from '../../functions/src/domain/submission.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import type { AppDeps } from '../../functions/src/http/deps.js';
import { reportYear, type GeneratedSubmission } from './report-year.js';
import { HEINOLA, ORIMATTILA } from './staff.js';

/**
 * The generated year (report-year.ts) for the report tests over HTTP (test/http/reports.test.ts) and in Chromium
 * (test/browser/staff-reports.test.ts): the figures a report of it must show, worked out here from the generated list
 * itself (never through the aggregates), and the writing of the year into a store as the app writes it.
 */

export const YEAR = reportYear();
/** The months the tests report on. */
export const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
export const STAFF_OF = { heinola: HEINOLA, orimattila: ORIMATTILA } as const;
const PREFIX = { heinola: 'HEI', orimattila: 'ORI' } as const;

// ---- What the report must show ----

const DAY = 86_400_000;
// Finnish public holidays (and days off) of the years the generated actions fall in, written out by hand.
const HOLIDAYS = new Set([
  ...['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-20'],
  ...['2025-12-06', '2025-12-24', '2025-12-25', '2025-12-26'],
  ...['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-06-19'],
  ...['2026-12-06', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
]);
const helsinkiDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Helsinki' });
const working = (day: string) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) && !HOLIDAYS.has(day);
function fifthWorkingDay(day: string): string {
  let d = new Date(`${day}T12:00:00Z`).getTime();
  for (let left = 5; left > 0;) {
    d += DAY;
    if (working(new Date(d).toISOString().slice(0, 10))) left--;
  }
  return new Date(d).toISOString().slice(0, 10);
}
const days = (from: string, to: string) => Math.min(60, Math.floor((Date.parse(to) - Date.parse(from)) / DAY));
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
export const MEASURES = ['ratingOverall', 'ratingAccess', 'ratingHelp', 'ratingWelcome', 'ratingInclusion'] as const;

/** One service's handling: cases, medians in days, and the five-day share with the count behind it. */
export interface ExpectedHandling {
  cases: number;
  first: number | null;
  done: number | null;
  /** Cases with a first action, and cases done (the medians' n). */
  firstN: number;
  doneN: number;
  /** Cases done within five working days of receipt. */
  within: number;
  share: number;
}

/** The average of a 1–5 distribution, two decimals; null under 5 answers. */
export const averageOf = (d: number[]): number | null => {
  const n = d.reduce((a, b) => a + b, 0);
  return n >= 5 ? round(d.reduce((t, c, i) => t + c * (i + 1), 0) / n, 2) : null;
};

/** The same month a year before. */
const aYearBefore = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/** Every figure of the report of `towns` for `months` (of 2026, in order), from the generated list `year`. */
export function expected(towns: readonly string[], year: readonly GeneratedSubmission[] = YEAR, months: readonly string[] = MONTHS) {
  const inScope = year.filter((g) => towns.includes(g.municipality));
  const now = inScope.filter((g) => months.includes(g.submittedAt.slice(0, 7)));
  const before = inScope.filter((g) => months.map(aYearBefore).includes(g.submittedAt.slice(0, 7)));
  const count = (list: GeneratedSubmission[], key: (g: GeneratedSubmission) => string | undefined) => {
    const out = new Map<string, number[]>();
    for (const g of list) {
      const k = key(g);
      if (k === undefined) continue;
      if (!out.has(k))
        out.set(
          k,
          months.map(() => 0),
        );
      const month = g.submittedAt.slice(0, 7);
      out.get(k)![Math.max(months.indexOf(month), months.map(aYearBefore).indexOf(month))]!++;
    }
    return out;
  };
  const handling = new Map<string, ExpectedHandling>();
  for (const service of new Set(now.filter((g) => g.formId !== 'feedback').map((g) => g.formId))) {
    const cases = now.filter((g) => g.formId === service);
    const firsts = cases.flatMap((g) => (g.actions[0] ? [days(g.submittedAt, g.actions[0].at)] : []));
    const dones = cases.flatMap((g) => {
      const d = g.actions.find((a) => a.status === 'done');
      return d ? [{ days: days(g.submittedAt, d.at), within: helsinkiDay(d.at) <= fifthWorkingDay(helsinkiDay(g.submittedAt)) }] : [];
    });
    const within = dones.filter((d) => d.within).length;
    handling.set(service, {
      cases: cases.length,
      first: median(firsts),
      done: median(dones.map((d) => d.days)),
      firstN: firsts.length,
      doneN: dones.length,
      within,
      share: round(within / cases.length, 3),
    });
  }
  const distribution = (list: GeneratedSubmission[], m: string) =>
    [1, 2, 3, 4, 5].map((s) => list.filter((g) => g.formId === 'feedback' && g.answers[m] === s).length);
  return {
    byService: count(now, (g) => g.formId),
    byLanguage: count(now, (g) => g.lang),
    byMunicipality: count(now, (g) => g.municipality),
    feedbackByService: count(now, (g) => (g.formId === 'feedback' ? (g.answers['service'] as string) : undefined)),
    trend: count(now, () => 'all').get('all') ?? months.map(() => 0),
    yearBefore: count(before, () => 'all').get('all') ?? months.map(() => 0),
    handling,
    measures: MEASURES.map((m) => ({
      measure: m,
      distribution: distribution(now, m),
      averageYearBefore: averageOf(distribution(before, m)),
    })),
  };
}

/** A shown figure is the true one; a true count from 1 to 4 is never shown. */
export function expectFigure(shown: ReportCell | number | null, truth: number, what: string): void {
  if (truth > 0 && truth < 5) expect(shown, what).toBe('<5');
  else if (shown !== '<5') expect(shown, what).toBe(truth);
}

/** The rows of a month table against the true counts per key and month. */
export function expectMonthRows(rows: MonthRow[], truth: Map<string, number[]>, what: string): void {
  expect(rows.map((r) => r.key).sort(), what).toEqual([...truth.keys()].sort());
  for (const row of rows) {
    const values = truth.get(row.key)!;
    row.months.forEach((cell, i) => expectFigure(cell, values[i]!, `${what} ${row.key} ${MONTHS[i]}`));
    expectFigure(
      row.total,
      values.reduce((a, b) => a + b, 0),
      `${what} ${row.key} total`,
    );
  }
}

// ---- The generated year, written as the app writes it ----

/** What writing the year needs of the app's dependencies. */
export type YearDeps = Pick<AppDeps, 'store' | 'reports' | 'registry' | 'audit' | 'clock' | 'staff' | 'log'>;

/** Stores a generated submission and counts it as `submitForm` does, then makes its staff changes through `changeSubmission`. */
export async function write(deps: YearDeps, g: GeneratedSubmission): Promise<void> {
  const s: Submission = {
    reference: newReference(PREFIX[g.municipality], (n) => randomBytes(n)),
    formId: g.formId,
    formVersion: 1,
    municipality: g.municipality,
    lang: g.lang as Submission['lang'],
    answers: g.answers,
    consentVersion: '2026-01',
    submittedAt: g.submittedAt,
    status: 'new',
    version: 1,
    notification: { state: 'sent', attempts: 1 },
    reportKey: nodeCrypto.token(9),
    expiresAt: Math.floor(Date.parse(g.submittedAt) / 1000) + (g.formId === 'registration' ? 730 : 365) * 86_400,
  };
  expect(await deps.store.createSubmission(s)).toBe(true);
  await countSubmission(deps, s);
  let current = s;
  for (const a of g.actions) {
    const at = { now: () => new Date(a.at) };
    current = await changeSubmission({ ...deps, clock: at }, STAFF_OF[g.municipality], current, {
      ...(a.status ? { status: a.status } : {}),
      ...(a.assign ? { assignee: STAFF_OF[g.municipality] } : {}),
      ...(a.note ? { note: a.note } : {}),
      expectedVersion: current.version,
    });
  }
}

/** Writes the whole year with a few writers at once: dynalite answers one at a time, but the waits overlap. */
export async function writeYear(deps: YearDeps, writers = 4, year: readonly GeneratedSubmission[] = YEAR): Promise<void> {
  const queue = [...year];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let g = queue.shift(); g; g = queue.shift()) await write(deps, g);
    }),
  );
}
