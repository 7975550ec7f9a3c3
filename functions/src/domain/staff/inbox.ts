import type { FormDefinition, InboxItem, InboxPage, SafeAnswer } from '../../../../schemas/src/index.js';
import { answerWords, type FormRegistry } from '../form-registry.js';
import { safeSummary } from '../staff-notification.js';
import { Forbidden, InvalidRequest } from '../errors.js';
import { daysBefore } from '../epoch.js';
import type { Clock, SubmissionQuery, SubmissionStore } from '../ports.js';
import type { Submission, SubmissionStatus } from '../submission.js';
import { canAccess, normaliseEmail, type StaffMember } from './staff-member.js';
import { requestedStatus } from './triage-rules.js';

export interface InboxDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  clock: Clock;
}

export interface InboxFilters {
  municipality?: string;
  status?: string;
  form?: string;
  /** An email, or `none` for unassigned. */
  assignee?: string;
  /** Only submissions at least this many days old. */
  minAgeDays?: number;
  /** `failed`: only submissions whose staff notification failed for good. */
  notification?: string;
  cursor?: string;
  limit?: number;
}

/** The answers of a submission the staff mail may show, in Finnish words, as the mail shows them. */
export function safeAnswers(registry: FormRegistry, form: FormDefinition, s: Submission): SafeAnswer[] {
  const words = answerWords(registry, form, s.municipality);
  // safeSummary keeps the order of these fields: the answered email-safe ones.
  const fields = form.meta.emailSafeFields.filter((f) => s.answers[f] !== undefined);
  return safeSummary(form, words.localized('fi'), s, words.yesNo('fi')).map(([label, display], i) => ({
    field: fields[i]!,
    label,
    display,
  }));
}

/** A submission as the inbox lists it: only the answers the staff mail may show. */
export const submissionSummary = (s: Submission, safe: SafeAnswer[]): InboxItem => ({
  reference: s.reference,
  form: s.formId,
  municipality: s.municipality,
  status: s.status,
  lang: s.lang,
  submittedAt: s.submittedAt,
  assignee: s.assignee ?? null,
  notification: s.notification.state,
  safeAnswers: safe,
  ...(s.identical !== undefined && s.identical > 1 ? { identical: s.identical } : {}),
});

/** The notification filter: none, or `failed` (the only state worth looking for: the others resolve themselves). */
function notificationFilter(value: string | undefined): true | undefined {
  if (!value) return undefined;
  if (value !== 'failed') throw new InvalidRequest('notification must be failed.');
  return true;
}

/** The inbox query for a member: their municipalities only; asking for another one is forbidden. */
export function inboxQuery(member: StaffMember, filters: InboxFilters, now: Date): SubmissionQuery {
  if (filters.municipality && !canAccess(member, filters.municipality)) throw new Forbidden('You do not have access to that municipality.');
  const limit = filters.limit ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidRequest('limit must be 1 to 500.');
  return {
    municipalities: filters.municipality ? [filters.municipality] : member.municipalities,
    status: requestedStatus(filters.status),
    formId: filters.form || undefined,
    assignee: filters.assignee === 'none' ? null : filters.assignee ? normaliseEmail(filters.assignee) : undefined,
    submittedBefore: filters.minAgeDays ? daysBefore(now, filters.minAgeDays).toISOString() : undefined,
    notificationFailed: notificationFilter(filters.notification),
    limit,
    cursor: filters.cursor || undefined,
  };
}

/** Newest first, only the member's municipalities. */
export async function listInbox(deps: InboxDeps, member: StaffMember, filters: InboxFilters): Promise<InboxPage> {
  const now = deps.clock.now();
  const page = await deps.store.listSubmissions(inboxQuery(member, filters, now), now);
  const items = await Promise.all(
    page.items.map(async (s) =>
      submissionSummary(
        s,
        safeAnswers(deps.registry, await deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion), s),
      ),
    ),
  );
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}
