import type { ReportMonth, ReportQuery } from '../../../schemas/src/report-contract.js';
import { defaultPeriod, isMonth } from './report-charts.js';

/**
 * The report the address asks for, within what the member may see: a municipality not theirs means all of theirs
 * (only one: that one); a missing or malformed month, or a period the wrong way round, means the default period.
 */
export function reportQueryFromSearch(search: string, municipalities: readonly string[], now: Date): ReportQuery {
  const params = new URLSearchParams(search);
  const asked = params.get('municipality') ?? '';
  const municipality = municipalities.includes(asked) ? asked : municipalities.length === 1 ? municipalities[0] : undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = isMonth(from) && isMonth(to) && from <= to ? { from, to } : defaultPeriod(now);
  return municipality ? { municipality, ...period } : period;
}

/** The query string of a report: the page's own address and the API's share it. */
export function reportSearch(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.municipality) params.set('municipality', query.municipality);
  params.set('from', query.from);
  params.set('to', query.to);
  return params.toString();
}

/** What is wrong with a typed period, field by field; empty when it is a period. */
export function periodProblems(from: ReportMonth, to: ReportMonth): { from?: string; to?: string } {
  const problems: { from?: string; to?: string } = {};
  if (!isMonth(from)) problems.from = 'badMonth';
  if (!isMonth(to)) problems.to = 'badMonth';
  if (!problems.from && !problems.to && from > to) problems.to = 'badOrder';
  return problems;
}
