import type { Page } from 'playwright-core';
import type { MonthRow, Report, ReportCell, ReportQuery } from '../../schemas/src/report-contract.js';

/** Every month from `from` to `to`, `YYYY-MM`. */
function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/**
 * A row whose month `i` holds `cell(i)`. As the server must: a total that would give away one hidden month (exactly one
 * suppressed) is suppressed too; with two or more hidden months the total counts them (two each, here), so only
 * their sum shows, never one of them.
 */
function row(key: string, months: string[], cell: (i: number) => ReportCell): MonthRow {
  const cells = months.map((_, i) => cell(i));
  const hidden = cells.filter((c) => c === '<5').length;
  const total = cells.reduce<number>((a, c) => a + (c === '<5' ? 2 : c), 0);
  return { key, months: cells, total: hidden === 1 || total < 5 ? '<5' : total };
}

/**
 * A follow-up report as `GET /api/reports` answers (`schemas/src/report-contract.ts`) for `query`, with both towns,
 * suppressed cells (`'<5'`) in every kind of table, and figures large enough for real bars. Until the aggregates
 * route is merged the browser test serves this; its shape is checked by the type checker against the contract.
 */
export function reportFixture(query: ReportQuery): Report {
  const months = monthsBetween(query.from, query.to);
  return {
    municipality: query.municipality ?? null,
    from: query.from,
    to: query.to,
    months,
    byService: [
      row('guidance', months, (i) => 14 + ((i * 7) % 11)),
      row('registration', months, (i) => 6 + ((i * 5) % 9)),
      row('orientation', months, (i) => (i % 3 === 0 ? '<5' : 5 + (i % 4))),
      row('hobby', months, (i) => (i === 2 ? '<5' : 0)),
      row('feedback', months, (i) => (i % 2 ? 5 + i : '<5')),
    ],
    byLanguage: [
      row('ar', months, (i) => 9 + (i % 6)),
      row('uk', months, (i) => 7 + ((i * 3) % 5)),
      row('fi', months, (i) => 5 + (i % 3)),
      row('fa', months, (i) => (i % 2 ? '<5' : 5)),
      row('th', months, (i) => (i === 5 ? '<5' : 0)),
    ],
    byMunicipality: [row('heinola', months, (i) => 22 + ((i * 5) % 9)), row('orimattila', months, (i) => 11 + ((i * 3) % 7))],
    trend: {
      months: months.map((_, i) => 33 + ((i * 5) % 12)),
      yearBefore: months.map((_, i) => (i === 0 ? '<5' : 25 + ((i * 7) % 10))),
    },
    handling: [
      { service: 'guidance', cases: 214, medianDaysToFirstAction: 1, medianDaysToDone: 3.5, doneWithinFiveWorkingDays: 0.81 },
      { service: 'registration', cases: 96, medianDaysToFirstAction: 2, medianDaysToDone: 6, doneWithinFiveWorkingDays: 0.42 },
      { service: 'orientation', cases: 38, medianDaysToFirstAction: 0.5, medianDaysToDone: null, doneWithinFiveWorkingDays: 0.3 },
      { service: 'hobby', cases: '<5', medianDaysToFirstAction: null, medianDaysToDone: null, doneWithinFiveWorkingDays: null },
    ],
    measures: [
      { measure: 'ratingOverall', n: 57, average: 4.21, distribution: ['<5', '<5', 8, 21, 24], averageYearBefore: 3.98 },
      { measure: 'ratingAccess', n: 57, average: 3.84, distribution: ['<5', 6, 11, 19, 17], averageYearBefore: null },
      { measure: 'ratingHelp', n: 56, average: 4.05, distribution: ['<5', '<5', 9, 22, 20], averageYearBefore: 4.1 },
      { measure: 'ratingWelcome', n: 57, average: 4.4, distribution: [0, '<5', 5, 17, 31], averageYearBefore: 4.32 },
      { measure: 'ratingInclusion', n: '<5', average: null, distribution: ['<5', '<5', '<5', '<5', '<5'], averageYearBefore: null },
    ],
    feedbackByService: [
      row('guidance', months, (i) => (i % 2 ? 5 : '<5')),
      row('orientation', months, (i) => (i === 1 ? '<5' : 0)),
      row('onlineForms', months, (i) => (i % 4 === 0 ? 6 : '<5')),
    ],
  };
}

/**
 * Answers the page's `GET /api/reports` with `reportFixture` for the query it asked.
 * Remove once the aggregates branch's route is merged (see test/browser/staff-reports.test.ts).
 */
export async function serveReportFixture(page: Page): Promise<void> {
  await page.route(/\/api\/reports\?/, async (route) => {
    const params = new URL(route.request().url()).searchParams;
    const municipality = params.get('municipality');
    const query: ReportQuery = { from: params.get('from')!, to: params.get('to')!, ...(municipality ? { municipality } : {}) };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(reportFixture(query)) });
  });
}
