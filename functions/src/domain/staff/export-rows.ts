import type { StaffKey, StaffTexts } from '../../../../schemas/src/staff-texts.js';
import { answerViews } from './submission-detail.js';
import { answerWords } from '../form-registry.js';
import type { StaffMember } from './staff-member.js';
import { inboxQuery, type InboxFilters } from './inbox.js';
import type { ReadDeps } from './read-submission.js';

const MAX_ROWS = 5000;
/** The columns every export has, named by the staff texts; the values stay as stored (codes and ISO times). */
const COLUMNS: StaffKey[] = [
  'fields.reference',
  'fields.form',
  'fields.municipality',
  'fields.status',
  'fields.lang',
  'fields.receivedAt',
  'fields.assignee',
];

/**
 * Rows of a filtered inbox for export. With a form filter the answers come too, one column per question under
 * its Finnish label, and each exported submission's read is audited.
 */
export async function exportRows(
  deps: ReadDeps & { staffTexts: StaffTexts },
  member: StaffMember,
  filters: InboxFilters,
): Promise<{ header: string[]; rows: string[][] }> {
  const now = deps.clock.now();
  const query = { ...inboxQuery(member, filters, now), limit: 200 };
  const submissions = [];
  let cursor = query.cursor;
  do {
    const page = await deps.store.listSubmissions({ ...query, cursor }, now);
    submissions.push(...page.items);
    cursor = page.cursor;
  } while (cursor && submissions.length < MAX_ROWS);
  const withAnswers = Boolean(filters.form && filters.municipality);
  const form = withAnswers ? deps.registry.catalog.currentForm(filters.municipality!, filters.form!) : undefined;
  const answerFields = form ? Object.keys(form.schema.properties ?? {}) : [];
  const header = [...COLUMNS.map((key) => deps.staffTexts.t(key)), ...answerFields.map((f) => form!.texts.fi?.fields[f]?.label ?? f)];
  const rows: string[][] = [];
  for (const s of submissions.slice(0, MAX_ROWS)) {
    const base = [s.reference, s.formId, s.municipality, s.status, s.lang, s.submittedAt, s.assignee ?? ''];
    if (!form) {
      rows.push(base);
      continue;
    }
    const version = await deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion);
    const views = new Map(answerViews(version, s, answerWords(deps.registry, version, s.municipality)).map((v) => [v.field, v.display]));
    rows.push([...base, ...answerFields.map((f) => views.get(f) ?? '')]);
    await deps.audit.record({
      reference: s.reference,
      at: now.toISOString(),
      actor: member.email,
      action: 'export',
      expiresAt: s.expiresAt,
    });
  }
  return { header, rows };
}
