import { LANGUAGES } from '../../../../schemas/src/languages.js';
import {
  REPORT_MEASURES,
  SUPPRESS_BELOW,
  type HandlingRow,
  type MeasureRow,
  type MonthRow,
  type Report,
  type ReportCell,
} from '../../../../schemas/src/report-contract.js';
import type { Aggregate, ReportStore } from '../ports.js';
import { COUNTER, MAX_DAYS } from './contributions.js';
import { monthsBetween, yearBefore } from './report-months.js';
import { suppressDistribution, suppressRow, suppressTable, type SuppressedTable } from './suppression.js';

export interface ReportDeps {
  reports: ReportStore;
}

const sum = (aggs: readonly Aggregate[], counter: string): number => aggs.reduce((n, a) => n + (a.counts[counter] ?? 0), 0);
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const hiddenAt = (cells: readonly ReportCell[]): Set<number> => new Set(cells.flatMap((c, i) => (c === '<5' ? [i] : [])));
const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The median of a histogram of whole days (`counter(d)` for d = 0 … MAX_DAYS); the mean of the two middle ones for an even count. */
export function histogramMedian(aggs: readonly Aggregate[], counter: (days: number) => string): { n: number; median: number | null } {
  const counts = Array.from({ length: MAX_DAYS + 1 }, (_, d) => sum(aggs, counter(d)));
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return { n, median: null };
  const at = (k: number): number => {
    let seen = 0;
    for (let d = 0; d <= MAX_DAYS; d++) {
      seen += counts[d]!;
      if (seen > k) return d;
    }
    return MAX_DAYS;
  };
  return { n, median: n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2 };
}

/** A table of `keys` × months of one counter. */
function table(
  aggs: readonly Aggregate[],
  months: readonly string[],
  keyOf: (a: Aggregate) => string,
  counter: string,
  keys: readonly string[],
) {
  const column = new Map(months.map((m, i) => [m, i]));
  const row = new Map(keys.map((k, i) => [k, i]));
  const values = keys.map(() => months.map(() => 0));
  for (const a of aggs) {
    const r = row.get(keyOf(a));
    const c = column.get(a.month);
    if (r !== undefined && c !== undefined) values[r]![c]! += a.counts[counter] ?? 0;
  }
  return values;
}

const monthRows = (keys: readonly string[], t: SuppressedTable): MonthRow[] =>
  keys.map((key, i) => ({ key, months: t.cells[i]!, total: t.rowTotals[i]! }));

/** The keys with a count of `counter` in the period, in `order` first, then by name. */
const present = (aggs: readonly Aggregate[], keyOf: (a: Aggregate) => string, counter: string, order: readonly string[] = []) => {
  const keys = [...new Set(aggs.filter((a) => (a.counts[counter] ?? 0) > 0).map(keyOf))];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

/**
 * The follow-up report of `municipalities` for the months `from` … `to` (schemas/src/report-contract.ts), from the
 * monthly aggregates alone: no submission is read, so the figures stay after the submissions expire. Every count is
 * suppressed as `suppression.ts` describes; tables that show the same numbers (the monthly totals, the feedback per
 * month) are suppressed together until they agree, so one table cannot give away what another hides.
 */
export async function buildReport(
  deps: ReportDeps,
  municipalities: readonly string[],
  query: { municipality: string | null; from: string; to: string },
): Promise<Report> {
  const months = monthsBetween(query.from, query.to);
  const load = async (from: string, to: string) => (await Promise.all(municipalities.map((m) => deps.reports.list(m, from, to)))).flat();
  const [current, before] = await Promise.all([load(query.from, query.to), load(yearBefore(query.from), yearBefore(query.to))]);

  const services = present(current, (a) => a.service, COUNTER.received);
  const languages = present(
    current,
    (a) => a.lang,
    COUNTER.received,
    LANGUAGES.map((l) => l.code),
  );
  const feedbackServices = present(current, (a) => a.service, COUNTER.feedback);
  const serviceValues = table(current, months, (a) => a.service, COUNTER.received, services);
  const languageValues = table(current, months, (a) => a.lang, COUNTER.received, languages);
  const municipalityValues = table(current, months, (a) => a.municipality, COUNTER.received, municipalities);
  const feedbackValues = table(current, months, (a) => a.service, COUNTER.feedback, feedbackServices);
  // The feedback form's own row counts the same submissions as the feedback table's monthly totals.
  const feedbackRow = services.findIndex((s) => current.some((a) => a.service === s && (a.counts[COUNTER.receivedFeedback] ?? 0) > 0));

  let monthHidden = new Set<number>();
  let feedbackHidden = new Set<number>();
  const C = months.length;
  for (;;) {
    const feedbackCells = feedbackRow < 0 ? [] : [...feedbackHidden].map((c) => [feedbackRow, c] as const);
    const byService = suppressTable(serviceValues, C, { columnTotals: monthHidden, cells: feedbackCells });
    const byLanguage = suppressTable(languageValues, C, { columnTotals: monthHidden });
    const byMunicipality = suppressTable(municipalityValues, C, { columnTotals: monthHidden });
    const byFeedback = suppressTable(feedbackValues, C, { columnTotals: feedbackHidden });
    const nextMonth = new Set([byService, byLanguage, byMunicipality].flatMap((t) => [...hiddenAt(t.columnTotals)]));
    const nextFeedback = new Set([
      ...hiddenAt(byFeedback.columnTotals),
      ...(feedbackRow < 0 ? [] : hiddenAt(byService.cells[feedbackRow]!)),
    ]);
    if (sameSet(nextMonth, monthHidden) && sameSet(nextFeedback, feedbackHidden)) {
      const feedbackTotalHidden = feedbackRow >= 0 && byService.rowTotals[feedbackRow] === '<5';
      return {
        municipality: query.municipality,
        from: query.from,
        to: query.to,
        months,
        byService: monthRows(services, byService),
        byLanguage: monthRows(languages, byLanguage),
        byMunicipality: monthRows(municipalities, byMunicipality),
        trend: {
          months: byService.columnTotals,
          yearBefore: suppressRow(table(before, months.map(yearBefore), () => 'all', COUNTER.received, ['all'])[0]!).cells,
        },
        handling: handlingRows(current, services, byService),
        measures: REPORT_MEASURES.map((m) => measureRow(m, current, before, feedbackTotalHidden)),
        feedbackByService: monthRows(feedbackServices, byFeedback),
      };
    }
    monthHidden = nextMonth;
    feedbackHidden = nextFeedback;
  }
}

const few = (count: number): boolean => count > 0 && count < SUPPRESS_BELOW;

/**
 * The share of `cases` done within five working days, or `'<5'` when those done within five days or the others
 * are 1–4 people: with the cases shown, the share would give away how many.
 */
export const fiveDayShare = (within: number, cases: number): number | '<5' =>
  few(within) || few(cases - within) ? '<5' : round(within / cases, 3);

/** Handling of each service that has cases (feedback is not one): medians from the day histograms, the five-day share. */
function handlingRows(current: readonly Aggregate[], services: readonly string[], byService: SuppressedTable): HandlingRow[] {
  return services.flatMap((service, i): HandlingRow[] => {
    const aggs = current.filter((a) => a.service === service);
    const received = sum(aggs, COUNTER.received);
    if (received === sum(aggs, COUNTER.receivedFeedback)) return [];
    const cases = byService.rowTotals[i]!;
    const shown = cases !== '<5';
    const median = (counter: (d: number) => string) => {
      const { n, median } = histogramMedian(aggs, counter);
      return shown && n >= SUPPRESS_BELOW ? median : null;
    };
    return [
      {
        service,
        cases,
        medianDaysToFirstAction: median(COUNTER.firstActionDays),
        medianDaysToDone: median(COUNTER.doneDays),
        doneWithinFiveWorkingDays: shown ? fiveDayShare(sum(aggs, COUNTER.doneWithinFiveWorkingDays), received) : null,
      },
    ];
  });
}

const scores = (aggs: readonly Aggregate[], measure: string) => [1, 2, 3, 4, 5].map((s) => sum(aggs, COUNTER.score(measure, s)));
const average = (counts: readonly number[]): number | null => {
  const n = counts.reduce((a, b) => a + b, 0);
  return n >= SUPPRESS_BELOW ? round(counts.reduce((t, c, i) => t + c * (i + 1), 0) / n, 2) : null;
};

/** One measure: n, average and distribution this period (suppressed), and the average of the same months a year before. */
function measureRow(
  measure: (typeof REPORT_MEASURES)[number],
  current: readonly Aggregate[],
  before: readonly Aggregate[],
  feedbackTotalHidden: boolean,
): MeasureRow {
  const counts = scores(current, measure);
  const { cells, n } = suppressDistribution(counts);
  // The feedback form's total is hidden elsewhere: every measure's n could give it away, so none is shown.
  const hidden = n === '<5' || feedbackTotalHidden;
  return {
    measure,
    n: hidden ? '<5' : n,
    average: hidden ? null : average(counts),
    distribution: cells as MeasureRow['distribution'],
    averageYearBefore: average(scores(before, measure)),
  };
}
