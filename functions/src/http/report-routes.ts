import { staffFormTitle } from '../../../schemas/src/staff-label.js';
import { Hono, type Context } from 'hono';
import type { Report } from '../../../schemas/src/report-contract.js';
import { InvalidRequest } from '../domain/errors.js';
import { readReport, reportLines } from '../domain/reports/read-report.js';
import { requestedMonth } from '../domain/reports/report-months.js';
import type { AppDeps, Env } from './deps.js';
import { tableCsv } from './export-files.js';
import { finnishReportHeader, finnishReportLines, REPORT_CSV_HEADER, type ReportNames } from './report-csv.js';
import { requireMember, sameOrigin } from './session.js';

/** The query of a report: `municipality` (optional), `from` and `to` months; anything else in it is refused. */
function reportQuery(c: Context) {
  const q = c.req.query();
  const unknown = Object.keys(q).filter((k) => !['municipality', 'from', 'to', 'format'].includes(k));
  if (unknown.length) throw new InvalidRequest(`Unknown parameter(s): ${unknown.join(', ')}.`);
  return {
    ...(q['municipality'] ? { municipality: q['municipality'] } : {}),
    from: requestedMonth('from', q['from']),
    to: requestedMonth('to', q['to']),
  };
}

function csvFormat(value: string | undefined): 'csv' | 'csv-fi' {
  if (value === undefined || value === '' || value === 'csv') return 'csv';
  if (value === 'csv-fi') return 'csv-fi';
  throw new InvalidRequest('format must be csv or csv-fi.');
}

/**
 * `GET /api/reports` (JSON) and `GET /api/reports.csv` (`format=csv|csv-fi`): the follow-up report from the monthly
 * aggregates, for staff of the municipality and admins (docs/http-contract.md, "Reports"); each is audited.
 */
export function reportRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const scoped = { ...deps, municipalities: () => deps.registry.catalog.municipalities().map((m) => m.id) };
  const names: ReportNames = {
    service: (id) => {
      const form = deps.registry.catalog.forms().find((f) => f.id === id);
      return form ? staffFormTitle(form) : id;
    },
    municipality: (id) => deps.registry.catalog.municipalities().find((m) => m.id === id)?.name ?? id,
  };
  app.use('/reports', sameOrigin(deps), requireMember(deps));
  app.use('/reports.csv', sameOrigin(deps), requireMember(deps));

  app.get('/reports', async (c) => c.json<Report>(await readReport(scoped, c.get('member'), reportQuery(c), 'read')));

  app.get('/reports.csv', async (c) => {
    const query = reportQuery(c);
    const format = csvFormat(c.req.query('format'));
    const report = await readReport(scoped, c.get('member'), query, 'export');
    const lines = reportLines(report);
    const file =
      format === 'csv'
        ? tableCsv(REPORT_CSV_HEADER, lines, format)
        : tableCsv(finnishReportHeader(deps.staffTexts), finnishReportLines(lines, deps.staffTexts, names), format);
    const name = `koto-report-${query.municipality ?? 'all'}-${query.from}-${query.to}${format === 'csv-fi' ? '-fi' : ''}.csv`;
    return c.body(file.body as string, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${name}"` });
  });
  return app;
}
