import type { Report, ReportCell } from '../../../../schemas/src/report-contract.js';
import { epochAfterDays } from '../epoch.js';
import { Forbidden, UnknownMunicipality } from '../errors.js';
import type { AuditLog, Clock } from '../ports.js';
import { canAccess, type StaffMember } from '../staff/staff-member.js';
import { buildReport, type ReportDeps } from './build-report.js';
import { monthsBetween } from './report-months.js';

export interface ReadReportDeps extends ReportDeps {
  audit: AuditLog;
  clock: Clock;
  /** Every municipality there is (ids). */
  municipalities: () => string[];
}

/** Who looked at which report is kept as long as staff searches are: two years. */
export const REPORT_AUDIT_DAYS = 730;

/**
 * The municipalities a report covers: the one asked for, if the member works on it (admins on any); without one,
 * every municipality the member works on (admins: all). Unknown is 404, another's is 403.
 */
export function reportScope(member: StaffMember, known: readonly string[], requested: string | undefined): string[] {
  if (requested === undefined || requested === '') return member.role === 'admin' ? [...known] : known.filter((m) => canAccess(member, m));
  if (!known.includes(requested)) throw new UnknownMunicipality(`No municipality "${requested}".`);
  if (member.role !== 'admin' && !canAccess(member, requested)) throw new Forbidden('This report is of a municipality you do not work on.');
  return [requested];
}

/** The report a member asked for, audited under `report:<municipality>` (or `report:all`) as a read or an export. */
export async function readReport(
  deps: ReadReportDeps,
  member: StaffMember,
  query: { municipality?: string; from: string; to: string },
  action: 'read' | 'export',
): Promise<Report> {
  monthsBetween(query.from, query.to);
  const scope = reportScope(member, deps.municipalities(), query.municipality);
  const report = await buildReport(deps, scope, { municipality: query.municipality || null, from: query.from, to: query.to });
  const now = deps.clock.now();
  await deps.audit.record({
    reference: `report:${query.municipality || 'all'}`,
    at: now.toISOString(),
    actor: member.email,
    action,
    detail: `${query.from}..${query.to} (${scope.join(', ')})`,
    expiresAt: epochAfterDays(now, REPORT_AUDIT_DAYS),
  });
  return report;
}

/** One figure of the report as a line of the CSV: which table, which row, which column, and the figure (empty for none). */
export type ReportLine = [table: string, key: string, column: string, value: ReportCell | ''];

/** The report as long-format lines (`table, key, column, value`): every figure the JSON has, none more. */
export function reportLines(r: Report): ReportLine[] {
  const v = (x: ReportCell | number | null): ReportCell | '' => (x === null ? '' : x);
  const monthTable = (name: string, rows: Report['byService']) =>
    rows.flatMap((row) => [
      ...row.months.map((cell, i): ReportLine => [name, row.key, r.months[i]!, cell]),
      [name, row.key, 'total', row.total] as ReportLine,
    ]);
  return [
    ...monthTable('byService', r.byService),
    ...monthTable('byLanguage', r.byLanguage),
    ...monthTable('byMunicipality', r.byMunicipality),
    ...monthTable('feedbackByService', r.feedbackByService),
    ...r.trend.months.map((cell, i): ReportLine => ['trend', 'period', r.months[i]!, cell]),
    ...r.trend.yearBefore.map((cell, i): ReportLine => ['trend', 'yearBefore', r.months[i]!, cell]),
    ...r.handling.flatMap((h): ReportLine[] => [
      ['handling', h.service, 'cases', h.cases],
      ['handling', h.service, 'medianDaysToFirstAction', v(h.medianDaysToFirstAction)],
      ['handling', h.service, 'medianDaysToDone', v(h.medianDaysToDone)],
      ['handling', h.service, 'doneWithinFiveWorkingDays', v(h.doneWithinFiveWorkingDays)],
    ]),
    ...r.measures.flatMap((m): ReportLine[] => [
      ['measures', m.measure, 'n', m.n],
      ['measures', m.measure, 'average', v(m.average)],
      ...m.distribution.map((cell, i): ReportLine => ['measures', m.measure, `score${i + 1}`, cell]),
      ['measures', m.measure, 'averageYearBefore', v(m.averageYearBefore)],
    ]),
  ];
}
