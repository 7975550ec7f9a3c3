import { Forbidden, InvalidRequest, NotFound } from '../errors.js';
import { answerWords, type FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, StaffDirectory, SubmissionQuery, SubmissionStore } from '../ports.js';
import { STATUSES, type HistoryEntry, type Submission, type SubmissionStatus } from '../submission.js';
import { sameAssignee, validAssignee } from './assignee.js';
import { answerViews, type AnswerView } from './submission-detail.js';
import { daysBefore } from '../epoch.js';
import { canAccess, normaliseEmail, type StaffMember } from './staff-member.js';

export interface TriageDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  audit: AuditLog;
  clock: Clock;
  /** Who may be assigned: members with access to the submission's municipality. */
  staff: StaffDirectory;
}

export interface InboxFilters {
  municipality?: string;
  status?: string;
  form?: string;
  /** An email, or `none` for unassigned. */
  assignee?: string;
  /** Only submissions at least this many days old. */
  minAgeDays?: number;
  cursor?: string;
  limit?: number;
}

export interface SubmissionSummary {
  reference: string;
  form: string;
  municipality: string;
  status: SubmissionStatus;
  lang: string;
  submittedAt: string;
  assignee?: string | null;
  notification: Submission['notification']['state'];
}

const summary = (s: Submission): SubmissionSummary => ({
  reference: s.reference,
  form: s.formId,
  municipality: s.municipality,
  status: s.status,
  lang: s.lang,
  submittedAt: s.submittedAt,
  assignee: s.assignee ?? null,
  notification: s.notification.state,
});

function status(value: string | undefined): SubmissionStatus | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(STATUSES as readonly string[]).includes(value)) throw new InvalidRequest(`Unknown status "${value}"; use one of ${STATUSES.join(', ')}.`);
  return value as SubmissionStatus;
}

/** The inbox query for a member: their municipalities only; asking for another one is forbidden. */
export function inboxQuery(member: StaffMember, filters: InboxFilters, now: Date): SubmissionQuery {
  if (filters.municipality && !canAccess(member, filters.municipality)) throw new Forbidden('You do not have access to that municipality.');
  const limit = filters.limit ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidRequest('limit must be 1 to 500.');
  return {
    municipalities: filters.municipality ? [filters.municipality] : member.municipalities,
    status: status(filters.status),
    formId: filters.form || undefined,
    assignee: filters.assignee === 'none' ? null : filters.assignee ? normaliseEmail(filters.assignee) : undefined,
    submittedBefore: filters.minAgeDays ? daysBefore(now, filters.minAgeDays).toISOString() : undefined,
    limit,
    cursor: filters.cursor || undefined,
  };
}

/** Newest first, only the member's municipalities. */
export async function listInbox(deps: TriageDeps, member: StaffMember, filters: InboxFilters) {
  const now = deps.clock.now();
  const page = await deps.store.listSubmissions(inboxQuery(member, filters, now), now);
  return { items: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** A submission the member may see; another municipality's is "not found", never "forbidden". */
export async function visibleSubmission(deps: TriageDeps, member: StaffMember, reference: string): Promise<Submission> {
  const submission = await deps.store.getSubmission(reference, deps.clock.now());
  if (!submission || !canAccess(member, submission.municipality)) throw new NotFound(`No submission ${reference}.`);
  return submission;
}

export interface SubmissionDetail extends SubmissionSummary {
  formVersion: number;
  formTitle: string;
  version: number;
  consentVersion: string;
  answers: AnswerView[];
  history: HistoryEntry[];
  notificationState: Submission['notification'];
}

/** Reads a submission's answers for staff, and records the read in the audit log. */
export async function readSubmission(deps: TriageDeps, member: StaffMember, reference: string): Promise<SubmissionDetail> {
  const submission = await visibleSubmission(deps, member, reference);
  const form = await deps.registry.formVersion(submission.municipality, submission.formId, submission.formVersion);
  await deps.audit.record({ reference, at: deps.clock.now().toISOString(), actor: member.email, action: 'read', expiresAt: submission.expiresAt });
  return {
    ...summary(submission),
    formVersion: submission.formVersion,
    formTitle: form.texts.fi?.title ?? form.id,
    version: submission.version,
    consentVersion: submission.consentVersion,
    answers: answerViews(form, submission, answerWords(deps.registry, form, submission.municipality)),
    history: submission.history ?? [],
    notificationState: submission.notification,
  };
}

export interface Patch {
  status?: unknown;
  assignee?: unknown;
  note?: unknown;
  expectedVersion?: unknown;
}

/** Changes status, assignee and/or adds a note in one conditional write; 409 on a stale version. */
export async function changeSubmission(deps: TriageDeps, actor: string, submission: Submission, patch: Patch): Promise<Submission> {
  if (!Number.isInteger(patch.expectedVersion)) throw new InvalidRequest('expectedVersion (an integer) is required.');
  const next = status(patch.status === undefined ? undefined : String(patch.status));
  if (patch.note !== undefined && (typeof patch.note !== 'string' || patch.note.trim() === '' || patch.note.length > 2000)) {
    throw new InvalidRequest('note must be 1 to 2000 characters.');
  }
  const assignee = await validAssignee(deps, submission, patch.assignee);
  const at = deps.clock.now().toISOString();
  const history: HistoryEntry[] = [];
  if (next !== undefined && next !== submission.status) history.push({ at, by: actor, action: 'status', from: submission.status, to: next });
  if (assignee !== undefined && !sameAssignee(assignee, submission.assignee)) history.push({ at, by: actor, action: 'assign', from: submission.assignee ?? null, to: assignee });
  if (typeof patch.note === 'string') history.push({ at, by: actor, action: 'note', note: patch.note.trim() });
  if (history.length === 0) throw new InvalidRequest('Nothing to change.');
  const updated = await deps.store.updateSubmission(submission.reference, patch.expectedVersion as number, { status: next, assignee, history, at }, deps.clock.now());
  await deps.audit.record({ reference: submission.reference, at, actor, action: 'update', detail: history.map((h) => h.action).join(','), expiresAt: submission.expiresAt });
  return updated;
}
