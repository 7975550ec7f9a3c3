import { staffFormTitle } from '../../../../schemas/src/staff-label.js';
import { normalizeAnswers } from '../../../../schemas/src/index.js';
import type { CorrectAnswerRequest, RightsField, SubjectAccessExport } from '../../../../schemas/src/residents-rights-contract.js';
import { epochAfterDays } from '../epoch.js';
import { InvalidRequest } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, Crypto, SearchIndex, SubmissionStore } from '../ports.js';
import { visibleSubmission } from '../staff/read-submission.js';
import { searchEntries } from '../staff/search-submissions.js';
import type { StaffMember } from '../staff/staff-member.js';
import type { Submission } from '../submission.js';
import { invalidAnswers } from '../submit-form.js';

export interface RightsDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  search: SearchIndex;
  audit: AuditLog;
  clock: Clock;
  crypto: Pick<Crypto, 'sha256'>;
}

/** Erasures are recorded under this reference, one line each: who, when, which reference, form and town; no answers. */
export const ERASURE_AUDIT_REFERENCE = 'erasure';
/** An erasure's own line is kept this long (two years, as a staff search's). */
export const ERASURE_AUDIT_DAYS = 730;

function formFields(form: Awaited<ReturnType<FormRegistry['versions']['formVersion']>>): RightsField[] {
  const fi = form.texts.fi?.fields ?? {};
  return Object.entries(form.schema.properties ?? {}).map(([id, property]) => {
    const type = (property as { type?: unknown }).type;
    return { id, label: fi[id]?.label ?? id, ...(typeof type === 'string' ? { type } : {}) };
  });
}

const formOf = (deps: RightsDeps, s: Submission) => deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion);

/**
 * Subject access: everything stored about one submission of the admin's municipalities (answers, history, audit
 * trail, notification state), the export itself audited first so the trail it carries includes it.
 */
export async function exportSubmission(deps: RightsDeps, member: StaffMember, reference: string): Promise<SubjectAccessExport> {
  const submission = await visibleSubmission(deps, member, reference);
  const form = await formOf(deps, submission);
  const now = deps.clock.now();
  const exportedAt = now.toISOString();
  await deps.audit.record({
    reference,
    at: exportedAt,
    actor: member.email,
    action: 'export',
    detail: 'subject-access',
    expiresAt: submission.expiresAt,
  });
  return {
    reference,
    exportedAt,
    form: { id: form.id, version: form.version, title: staffFormTitle(form), fields: formFields(form) },
    municipality: submission.municipality,
    lang: submission.lang,
    consentVersion: submission.consentVersion,
    submittedAt: submission.submittedAt,
    ...(submission.updatedAt ? { updatedAt: submission.updatedAt } : {}),
    status: submission.status,
    assignee: submission.assignee ?? null,
    version: submission.version,
    answers: submission.answers,
    history: submission.history ?? [],
    audit: await deps.audit.list(reference, now),
    notification: submission.notification,
    deleteAfter: new Date(submission.expiresAt * 1000).toISOString(),
  };
}

/**
 * Rectification: one answer replaced (`null` removes an optional one), checked with the whole answers against the
 * form version the resident filled, in one conditional write that appends a `correct` entry naming the question
 * only. Neither the old nor the new value reaches the history, the audit log or the log. Search keys follow the
 * new answers: the new keys before the write, the old ones removed after it.
 */
export async function correctAnswer(deps: RightsDeps, member: StaffMember, reference: string, request: CorrectAnswerRequest) {
  const submission = await visibleSubmission(deps, member, reference);
  const form = await formOf(deps, submission);
  const { field, value } = request;
  if (!Object.hasOwn(form.schema.properties ?? {}, field)) {
    throw new InvalidRequest(`Form "${form.id}" version ${form.version} has no question "${field}".`);
  }
  const { [field]: _old, ...others } = submission.answers;
  const answers = normalizeAnswers(form.schema, value === null ? others : { ...others, [field]: value });
  // The admin's words: the messages in Finnish, naming the question, never echoing the value.
  const invalid = invalidAnswers(deps.registry, form, 'fi', answers);
  if (invalid) throw invalid;

  const before = searchEntries(deps.crypto, form, submission);
  const after = searchEntries(deps.crypto, form, { ...submission, answers });
  const keys = (list: typeof before) => new Set(list.map((e) => e.key));
  await deps.search.put(after.filter((e) => !keys(before).has(e.key)));

  const now = deps.clock.now();
  const at = now.toISOString();
  const updated = await deps.store.updateSubmission(
    reference,
    request.expectedVersion,
    { answers, history: [{ at, by: member.email, action: 'correct', field }], at },
    now,
  );
  await deps.search.remove(before.filter((e) => !keys(after).has(e.key)));
  await deps.audit.record({ reference, at, actor: member.email, action: 'correct', detail: field, expiresAt: submission.expiresAt });
  return { reference, version: updated.version, history: updated.history ?? [] };
}

/**
 * Erasure (consent withdrawn): the submission's search keys, idempotency key and audit entries, then the submission
 * itself, last, so that a retry after a failure finds it and finishes. What stays is one line under `erasure` naming
 * who erased which reference of which form and town, when: no answers, no name. Staff mail already sent cannot be
 * recalled; its action links find nothing and say so.
 */
export async function eraseSubmission(deps: RightsDeps, member: StaffMember, reference: string): Promise<void> {
  const submission = await visibleSubmission(deps, member, reference);
  const form = await formOf(deps, submission);
  const now = deps.clock.now();
  await deps.audit.record({
    reference: ERASURE_AUDIT_REFERENCE,
    at: now.toISOString(),
    actor: member.email,
    action: 'erase',
    detail: `${reference} ${submission.formId} ${submission.municipality}`,
    expiresAt: epochAfterDays(now, ERASURE_AUDIT_DAYS),
  });
  await deps.search.remove(searchEntries(deps.crypto, form, submission));
  if (submission.idempotencyKeyHash) await deps.store.deleteIdempotencyKey(submission.idempotencyKeyHash, reference);
  await deps.audit.erase(reference);
  await deps.store.deleteSubmission(reference);
  // A read recorded while the erasure ran would outlive it: look once more.
  await deps.audit.erase(reference);
}
