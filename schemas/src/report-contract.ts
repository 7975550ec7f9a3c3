// The shape of the follow-up report (`GET /api/reports`, the page `/staff/reports`): written once here, where the
// server builds it and the staff area shows it (issue 14). Import it by path: the resident pages never need it.
// Every figure comes from monthly aggregates that hold no personal data; no free text is ever in a report.

/** A count of people, or `'<5'` where the count (or a figure that would let it be recomputed) is suppressed. */
export type ReportCell = number | '<5';

/** A calendar month in Helsinki time, `YYYY-MM`. */
export type ReportMonth = string;

/** Counts below this are shown as `'<5'`, and so is whatever would let one be recomputed from totals. */
export const SUPPRESS_BELOW = 5;

/** The effectiveness measures the feedback form asks (Kuntaliitto's measures), each a 1–5 score. */
export const REPORT_MEASURES = ['ratingOverall', 'ratingAccess', 'ratingHelp', 'ratingWelcome', 'ratingInclusion'] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/** `GET /api/reports?municipality=&from=&to=`: `municipality` one the caller may see (or absent for all of them). */
export interface ReportQuery {
  municipality?: string;
  from: ReportMonth;
  to: ReportMonth;
}

/** One row of a table laid out by month: a label (a form id, a language code, a municipality id) and its cells. */
export interface MonthRow {
  key: string;
  /** One cell per month of `Report.months`. */
  months: ReportCell[];
  total: ReportCell;
}

/** How quickly one service's cases were handled in the period, counting cases that reached the step. */
export interface HandlingRow {
  /** A form id. */
  service: string;
  /** Cases received in the period. */
  cases: ReportCell;
  /** Median days from receipt to the first staff action; null when suppressed or no case had one. */
  medianDaysToFirstAction: number | null;
  /** Median days from receipt to done; null when suppressed or no case was done. */
  medianDaysToDone: number | null;
  /**
   * Share (0–1) of the period's cases done within five working days of receipt; null when `cases` is suppressed;
   * `'<5'` when the cases done within five working days, or the others, are 1–4 people.
   */
  doneWithinFiveWorkingDays: number | '<5' | null;
}

/** One effectiveness measure from the feedback: how many answered, the average, and how many gave each score. */
export interface MeasureRow {
  measure: ReportMeasure;
  n: ReportCell;
  /** Average score 1–5 (two decimals); null when `n` is suppressed. */
  average: number | null;
  /** Answers giving 1, 2, 3, 4 and 5, in that order. */
  distribution: [ReportCell, ReportCell, ReportCell, ReportCell, ReportCell];
  /** The same months one year before: average, null when suppressed or none. */
  averageYearBefore: number | null;
}

export interface Report {
  /** The municipality reported on, or null for every municipality the caller may see. */
  municipality: string | null;
  from: ReportMonth;
  to: ReportMonth;
  /** Every month from `from` to `to`, in order. */
  months: ReportMonth[];
  /** Submissions per service (form id) per month; feedback counts under its own form id. */
  byService: MonthRow[];
  /** Submissions per resident language per month. */
  byLanguage: MonthRow[];
  /** Submissions per municipality per month. */
  byMunicipality: MonthRow[];
  /** All submissions per month, this period and the same months a year before (the trend). */
  trend: { months: ReportCell[]; yearBefore: ReportCell[] };
  handling: HandlingRow[];
  measures: MeasureRow[];
  /** Feedback per service the feedback was about, per month. */
  feedbackByService: MonthRow[];
}
