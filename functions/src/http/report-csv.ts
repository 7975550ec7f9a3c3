import { FEEDBACK_SERVICE_NAMES, MEASURE_NAMES, nameKey } from '../../../schemas/src/report-names.js';
import type { StaffKey, StaffTexts } from '../../../schemas/src/staff-texts.js';
import type { ReportLine } from '../domain/reports/read-report.js';

/** The machine CSV's header: the report's own ids, as `reportLines` writes its lines. */
export const REPORT_CSV_HEADER = ['table', 'key', 'column', 'value'];

/** How the Finnish CSV names a service (a form id) and a municipality. */
export interface ReportNames {
  service(id: string): string;
  municipality(id: string): string;
}

const TABLES: Record<string, StaffKey> = {
  byService: 'reports.byService.heading',
  byLanguage: 'reports.byLanguage.heading',
  byMunicipality: 'reports.byMunicipality.heading',
  feedbackByService: 'reports.feedbackByService.heading',
  trend: 'reports.trend.heading',
  handling: 'reports.handling.heading',
  measures: 'reports.measures.heading',
};

const COLUMNS: Record<string, StaffKey> = {
  total: 'reports.total',
  cases: 'reports.handling.cases',
  medianDaysToFirstAction: 'reports.handling.firstAction',
  medianDaysToDone: 'reports.handling.done',
  doneWithinFiveWorkingDays: 'reports.handling.withinFive',
  n: 'reports.measures.n',
  average: 'reports.measures.average',
  averageYearBefore: 'reports.measures.yearBefore',
};

const TREND_ROWS: Record<string, StaffKey> = { period: 'reports.trend.thisPeriod', yearBefore: 'reports.trend.yearBefore' };

/** The Finnish CSV's header, in the staff's words. */
export const finnishReportHeader = (texts: StaffTexts): string[] => [
  texts.t('reports.csvHeader.table'),
  texts.t('reports.csvHeader.key'),
  texts.t('reports.csvHeader.column'),
  texts.t('reports.csvHeader.value'),
];

/**
 * The report's lines for people (the Finnish CSV): tables, rows and columns named as the page names them (the
 * section's heading, the form's Finnish title, the language, the measure, "Yhteensä", "Vastaus 3"); months stay
 * `YYYY-MM`, and an id nothing names stays as it is. The figures are the machine CSV's.
 */
export function finnishReportLines(lines: readonly ReportLine[], texts: StaffTexts, names: ReportNames): ReportLine[] {
  const named = (map: Readonly<Record<string, StaffKey>>, id: string) => {
    const key = nameKey(map, id);
    return key ? texts.t(key) : undefined;
  };
  const key = (table: string, id: string): string => {
    switch (table) {
      case 'byService':
      case 'handling':
        return names.service(id);
      case 'byLanguage':
        return texts.language(id);
      case 'byMunicipality':
        return names.municipality(id);
      case 'feedbackByService':
        return named(FEEDBACK_SERVICE_NAMES, id) ?? names.service(id);
      case 'trend':
        return named(TREND_ROWS, id) ?? id;
      case 'measures':
        return named(MEASURE_NAMES, id) ?? id;
      default:
        return id;
    }
  };
  const column = (id: string): string => {
    const score = /^score([1-5])$/.exec(id);
    if (score) return texts.t('reports.measures.score', { score: Number(score[1]) });
    return named(COLUMNS, id) ?? id;
  };
  return lines.map(([table, id, col, value]) => [named(TABLES, table) ?? table, key(table, id), column(col), value]);
}
