import { formatNumber } from '../../../schemas/src/numbers.js';
import type { HandlingRow, MeasureRow, MonthRow, ReportCell, ReportMonth } from '../../../schemas/src/report-contract.js';
import { t } from './texts.js';

// The reports page's arithmetic and sentences (issue 14): pure, so the scale and every summary are unit-tested
// (test/unit/report-charts.test.ts). A suppressed cell (`'<5'`) is never turned into a number here: it gets no
// bar length, counts in no sum and is written only as "<5".

export const SUPPRESSED = '<5';
const NBSP = '\u00a0';

/** A count as Finnish staff write it ("214"), a suppressed one as "<5". */
export const formatCount = (cell: ReportCell): string => (cell === SUPPRESSED ? SUPPRESSED : formatNumber(cell, 'fi'));

/** A decimal with at most `digits` decimals, Finnish comma: 4.25 → "4,25", 2 → "2". */
export const formatDecimal = (value: number, digits = 2): string => formatNumber(Number(value.toFixed(digits)), 'fi');

/** A share 0–1 as a whole percentage with the Finnish space: 0.381 → "38 %". */
export const formatShare = (share: number): string => `${formatNumber(Math.round(share * 100), 'fi')}${NBSP}%`;

/** A month `YYYY-MM` as Finnish tables write it: "1/2026". */
export function monthLabel(month: ReportMonth): string {
  const [year, m] = month.split('-');
  return `${Number(m)}/${year}`;
}

/** True for a real calendar month written `YYYY-MM`. */
export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The month `count` months after (or before, negative) `month`. */
export function addMonths(month: ReportMonth, count: number): ReportMonth {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The current month in Helsinki time. */
export function helsinkiMonth(now: Date): ReportMonth {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}`;
}

/** The page's default period: the last twelve full months before the current one (Helsinki time). */
export function defaultPeriod(now: Date): { from: ReportMonth; to: ReportMonth } {
  const to = addMonths(helsinkiMonth(now), -1);
  return { from: addMonths(to, -11), to };
}

/** The numbers among cells; suppressed ones are left out, never guessed. */
export const known = (cells: readonly (ReportCell | null)[]): number[] => cells.filter((c): c is number => typeof c === 'number');

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A value axis: a round maximum at or above the largest value, and the ticks from 0 to it (3–5 of them). */
export interface Scale {
  max: number;
  ticks: number[];
}

/** The axis for counts up to `largest`: steps of 1, 2 or 5 times a power of ten, at least 1. */
export function niceScale(largest: number): Scale {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] };
  const rough = largest / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough)!,
  );
  const max = Math.ceil(largest / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

/** The share of the axis (0–1) a bar fills; null for a suppressed or missing value, which is drawn as a placeholder. */
export function barFraction(value: ReportCell | null, scale: Scale): number | null {
  if (typeof value !== 'number') return null;
  return Math.min(1, Math.max(0, value / scale.max));
}

/** The axis for the rows' known cells (for a scale that fits all the bars of a chart). */
export const scaleFor = (cells: readonly (ReportCell | null)[]): Scale => niceScale(Math.max(0, ...known(cells)));

export type RowSummaryKind = 'byService' | 'byLanguage' | 'byMunicipality' | 'feedbackByService';

const ROW_SUMMARIES = {
  byService: 'reports.byService.summary',
  byLanguage: 'reports.byLanguage.summary',
  byMunicipality: 'reports.byMunicipality.summary',
  feedbackByService: 'reports.feedbackByService.summary',
} as const;

/**
 * One sentence naming the row with the largest total, its count and its share of the known totals:
 * "Ohjaus ja neuvonta sai eniten yhteydenottoja: 214 (38 %)." Suppressed totals are in neither figure.
 */
export function rowsSummary(kind: RowSummaryKind, rows: readonly MonthRow[], label: (key: string) => string): string {
  if (rows.length === 0) return t('reports.noneInPeriod');
  const counted = rows.filter((row): row is MonthRow & { total: number } => typeof row.total === 'number');
  if (counted.length === 0) return t('reports.allSuppressed');
  const all = sum(counted.map((row) => row.total));
  if (all === 0) return t('reports.noneInPeriod');
  const top = counted.reduce((best, row) => (row.total > best.total ? row : best));
  return t(ROW_SUMMARIES[kind], { label: label(top.key), count: formatCount(top.total), share: formatShare(top.total / all) });
}

/** The trend in one sentence: this period's known total against the same months a year before, with the change. */
export function trendSummary(trend: { months: readonly ReportCell[]; yearBefore: readonly ReportCell[] }): string {
  const now = sum(known(trend.months));
  const before = sum(known(trend.yearBefore));
  const partial = [...trend.months, ...trend.yearBefore].includes(SUPPRESSED) ? ` ${t('reports.trend.partial')}` : '';
  const count = formatCount(now);
  let sentence: string;
  if (before === 0) sentence = t('reports.trend.noBefore', { count });
  else if (now === before) sentence = t('reports.trend.same', { count });
  else
    sentence = t(now > before ? 'reports.trend.more' : 'reports.trend.fewer', {
      count,
      change: formatShare(Math.abs(now - before) / before),
      before: formatCount(before),
    });
  return sentence + partial;
}

/** Handling in one sentence: the service with the most (known) cases, its medians and its share done in five working days. */
export function handlingSummary(rows: readonly HandlingRow[], label: (service: string) => string): string {
  const known = rows.filter(
    (row): row is HandlingRow & { cases: number } =>
      typeof row.cases === 'number' && row.cases > 0 && (row.medianDaysToFirstAction !== null || row.doneWithinFiveWorkingDays !== null),
  );
  if (known.length === 0) return t('reports.handling.none');
  const top = known.reduce((best, row) => (row.cases > best.cases ? row : best));
  const days = (value: number | null) => (value === null ? '–' : formatDecimal(value, 1));
  const vars = { label: label(top.service), first: days(top.medianDaysToFirstAction), done: days(top.medianDaysToDone) };
  const share = top.doneWithinFiveWorkingDays;
  if (share === SUPPRESSED) return t('reports.handling.summaryShareHidden', vars);
  return t('reports.handling.summary', { ...vars, share: share === null ? t('reports.noData') : formatShare(share) });
}

/** The measures in one sentence: the highest and the lowest average with their n, or why there is none. */
export function measuresSummary(rows: readonly MeasureRow[], label: (measure: string) => string): string {
  const shown = rows.filter((row): row is MeasureRow & { average: number; n: number } => row.average !== null && typeof row.n === 'number');
  if (shown.length === 0) return t('reports.measures.none');
  const best = shown.reduce((a, b) => (b.average > a.average ? b : a));
  const worst = shown.reduce((a, b) => (b.average < a.average ? b : a));
  if (shown.length === 1 || best.average === worst.average)
    return t('reports.measures.one', { label: label(best.measure), average: formatDecimal(best.average), n: formatCount(best.n) });
  return t('reports.measures.summary', {
    best: label(best.measure),
    bestAverage: formatDecimal(best.average),
    bestN: formatCount(best.n),
    worst: label(worst.measure),
    worstAverage: formatDecimal(worst.average),
    worstN: formatCount(worst.n),
  });
}
