import { stringify } from 'csv-stringify/sync';
import { Hono, type Context } from 'hono';
import { SUBMISSION_PATCH, type InboxPage, type PatchResult, type SubmissionDetail } from '../../../schemas/src/index.js';
import { InvalidRequest } from '../domain/errors.js';
import { changeSubmission } from '../domain/staff/change-submission.js';
import { listInbox, type InboxFilters } from '../domain/staff/inbox.js';
import { readSubmission, visibleSubmission } from '../domain/staff/read-submission.js';
import { exportRows } from '../domain/staff/export-rows.js';
import type { AppDeps, Env } from './deps.js';
import { readBody } from './json-body.js';
import { referenceParam } from './path-values.js';
import { requireMember, sameOrigin } from './session.js';

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
    cursor: q['cursor'],
    limit: int('limit', Number.MAX_SAFE_INTEGER),
  };
}

/** `/api/staff/*`: the inbox, one submission, changes and CSV export; only the member's municipalities. */
export function staffRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps));

  app.get('/submissions', async (c) => c.json<InboxPage>(await listInbox(deps, c.get('member'), filters(c))));

  app.get('/submissions.csv', async (c) => {
    const { header, rows } = await exportRows(deps, c.get('member'), filters(c));
    // A byte-order mark makes spreadsheet programs read UTF-8 (ä, ö, Cyrillic); formulas are escaped.
    const csv = '\uFEFF' + stringify([header, ...rows], { escape_formulas: true, record_delimiter: 'windows' });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="koto-submissions-${deps.clock.now().toISOString().slice(0, 10)}.csv"`,
    });
  });

  app.get('/submissions/:reference', async (c) => c.json<SubmissionDetail>(await readSubmission(deps, c.get('member'), referenceParam(c))));

  app.patch('/submissions/:reference', async (c) => {
    const body = await readBody(c, SUBMISSION_PATCH);
    if (!body.ok) return body.response;
    const member = c.get('member');
    const submission = await visibleSubmission(deps, member, referenceParam(c));
    const updated = await changeSubmission(deps, member.email, submission, body.value);
    return c.json<PatchResult>({
      reference: updated.reference,
      status: updated.status,
      assignee: updated.assignee ?? null,
      version: updated.version,
      history: updated.history ?? [],
    });
  });

  return app;
}
