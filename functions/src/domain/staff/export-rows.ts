import { staffFormTitle, staffLabel } from '../../../../schemas/src/staff-label.js';
import type { StaffMember } from './staff-member.js';
import { answerViews } from './submission-detail.js';
import { answerWords } from '../form-registry.js';
import { inboxQuery, type InboxFilters } from './inbox.js';
import type { ReadDeps } from './read-submission.js';
import type { ExportData, ExportRecord } from './export-table.js';

const MAX_ROWS = 5000;

/**
 * The submissions of a filtered inbox for export, with the names staff read them by. With a form filter the answers
 * come too (as stored and as the kit shows them in Finnish), one column per question, and each exported
 * submission's read is audited.
 */
export async function exportRows(deps: ReadDeps, member: StaffMember, filters: InboxFilters): Promise<ExportData> {
  const now = deps.clock.now();
  const query = { ...inboxQuery(member, filters, now), limit: 200 };
  const submissions = [];
  let cursor = query.cursor;
  do {
    const page = await deps.store.listSubmissions({ ...query, cursor }, now);
    submissions.push(...page.items);
    cursor = page.cursor;
  } while (cursor && submissions.length < MAX_ROWS);
  const catalog = deps.registry.catalog;
  const withAnswers = Boolean(filters.form && filters.municipality);
  const form = withAnswers ? catalog.currentForm(filters.municipality!, filters.form!) : undefined;
  const questions = form
    ? Object.keys(form.schema.properties ?? {}).map((id) => ({ id, label: staffLabel(form.meta, id, form.texts.fi?.fields[id]?.label) }))
    : [];
  const formTitles = new Map(catalog.forms().map((f) => [f.id, staffFormTitle(f)]));
  const townNames = new Map(catalog.municipalities().map((m) => [m.id, m.name]));
  const records: ExportRecord[] = [];
  for (const s of submissions.slice(0, MAX_ROWS)) {
    const record: ExportRecord = {
      reference: s.reference,
      form: s.formId,
      formTitle: formTitles.get(s.formId) ?? s.formId,
      municipality: s.municipality,
      municipalityName: townNames.get(s.municipality) ?? s.municipality,
      status: s.status,
      lang: s.lang,
      submittedAt: s.submittedAt,
      assignee: s.assignee ?? '',
      answers: {},
    };
    records.push(record);
    if (!form) continue;
    const version = await deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion);
    for (const view of answerViews(version, s, answerWords(deps.registry, version, s.municipality)))
      record.answers[view.field] = { value: view.value, shown: view.display };
    await deps.audit.record({
      reference: s.reference,
      at: now.toISOString(),
      actor: member.email,
      action: 'export',
      expiresAt: s.expiresAt,
    });
  }
  return { questions, records };
}
