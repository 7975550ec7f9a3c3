import { Hono, type Context } from 'hono';
import {
  BULK_CHANGE,
  SUBMISSION_PATCH,
  type BulkResult,
  type ColleaguesResponse,
  type InboxPage,
  type PatchResult,
  type SubmissionDetail,
} from '../../../schemas/src/index.js';
import { bulkChange } from '../domain/staff/bulk-change.js';
import { InvalidRequest } from '../domain/errors.js';
import { listColleagues } from '../domain/staff/colleagues.js';
import { changeSubmission, requestFeedback } from '../domain/staff/change-submission.js';
import { listInbox, type InboxFilters } from '../domain/staff/inbox.js';
import { readSubmission, visibleSubmission } from '../domain/staff/read-submission.js';
import { exportRows } from '../domain/staff/export-rows.js';
import type { AppDeps, Env } from './deps.js';
import { exportFile, exportFormat } from './export-files.js';
import { auditedRead } from './audited-read.js';
import { readBody } from './json-body.js';
import { referenceParam } from './path-values.js';
import { requireMember, sameOrigin } from './session.js';
import { staffSearchRoutes } from './staff-search-routes.js';

/** The oldest a submission can be asked about (days): longer than any form keeps one. */
const MAX_AGE_DAYS = 36_500;

function filters(c: Context): InboxFilters {
  const q = c.req.query();
  const int = (name: string, max: number): number | undefined => {
    if (q[name] === undefined || q[name] === '') return undefined;
    const n = Number(q[name]);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidRequest(`${name} must be a whole number from 0 to ${max}.`);
    return n;
  };
  return {
    municipality: q['municipality'],
    status: q['status'],
    form: q['form'],
    assignee: q['assignee'],
    minAgeDays: int('minAgeDays', MAX_AGE_DAYS),
    notification: q['notification'],
    cursor: q['cursor'],
    limit: int('limit', Number.MAX_SAFE_INTEGER),
  };
}

/** `/api/staff/*`: the inbox, search, one submission, changes, the export and the colleagues to assign to; only the member's municipalities. */
export function staffRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps));
  // Reads that write an audit entry (the search is in staffSearchRoutes) take no HEAD.
  for (const path of ['/search', '/export', '/submissions.csv', '/submissions/:reference']) app.use(path, auditedRead);

  app.route('/', staffSearchRoutes(deps));
  app.get('/colleagues', async (c) => c.json<ColleaguesResponse>({ colleagues: await listColleagues(deps, c.get('member')) }));

  app.get('/submissions', async (c) => c.json<InboxPage>(await listInbox(deps, c.get('member'), filters(c))));

  // The export in `format` (csv, csv-fi, xlsx); `/submissions.csv` is the machine CSV's older address.
  const exportRoute = async (c: Context<Env>, format: string | undefined) => {
    const chosen = exportFormat(format);
    const file = await exportFile(await exportRows(deps, c.get('member'), filters(c)), chosen, deps.staffTexts);
    const name = `koto-submissions-${deps.clock.now().toISOString().slice(0, 10)}${chosen === 'csv-fi' ? '-fi' : ''}.${file.extension}`;
    return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${name}"` });
  };
  app.get('/export', (c) => exportRoute(c, c.req.query('format')));
  app.get('/submissions.csv', (c) => exportRoute(c, 'csv'));

  app.get('/submissions/:reference', async (c) => c.json<SubmissionDetail>(await readSubmission(deps, c.get('member'), referenceParam(c))));

  app.post('/submissions/bulk', async (c) => {
    const body = await readBody(c, BULK_CHANGE);
    if (!body.ok) return body.response;
    return c.json<BulkResult>(await bulkChange(deps, c.get('member'), body.value, deps.staffTexts.t('bulk.spamNote')));
  });

  app.patch('/submissions/:reference', async (c) => {
    const body = await readBody(c, SUBMISSION_PATCH);
    if (!body.ok) return body.response;
    const member = c.get('member');
    const submission = await visibleSubmission(deps, member, referenceParam(c));
    const updated = await changeSubmission(deps, member.email, submission, body.value);
    const feedbackRequest = body.value.requestFeedback ? await requestFeedback(deps, member.email, updated) : undefined;
    return c.json<PatchResult>({
      reference: updated.reference,
      status: updated.status,
      assignee: updated.assignee ?? null,
      version: updated.version,
      history: updated.history ?? [],
      ...(feedbackRequest ? { feedbackRequest } : {}),
    });
  });

  return app;
}
