import { staffFormTitle } from '../../../../schemas/src/staff-label.js';
import type { AuditTrail, SubmissionDetail } from '../../../../schemas/src/index.js';
import { NotFound } from '../errors.js';
import { answerWords, type FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, SubmissionStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { safeAnswers, submissionSummary } from './inbox.js';
import { canAccess, type StaffMember } from './staff-member.js';
import { answerViews } from './submission-detail.js';

export interface ReadDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  audit: AuditLog;
  clock: Clock;
}

/**
 * A submission the member may see; another municipality's is "not found", never "forbidden", and so is evidence for
 * the reports (`triage: false`): it is not a case, and its reference tells staff nothing.
 */
export async function visibleSubmission(
  deps: Pick<ReadDeps, 'store' | 'clock'>,
  member: StaffMember,
  reference: string,
): Promise<Submission> {
  const submission = await deps.store.getSubmission(reference, deps.clock.now());
  if (!submission || submission.triage === false || !canAccess(member, submission.municipality))
    throw new NotFound(`No submission ${reference}.`);
  return submission;
}

/** Reads a submission's answers for staff, and records the read in the audit log. */
export async function readSubmission(deps: ReadDeps, member: StaffMember, reference: string): Promise<SubmissionDetail> {
  const submission = await visibleSubmission(deps, member, reference);
  const form = await deps.registry.versions.formVersion(submission.municipality, submission.formId, submission.formVersion);
  await deps.audit.record({
    reference,
    at: deps.clock.now().toISOString(),
    actor: member.email,
    action: 'read',
    expiresAt: submission.expiresAt,
  });
  return {
    ...submissionSummary(submission, safeAnswers(deps.registry, form, submission)),
    formVersion: submission.formVersion,
    formTitle: staffFormTitle(form),
    version: submission.version,
    consentVersion: submission.consentVersion,
    answers: answerViews(form, submission, answerWords(deps.registry, form, submission.municipality)),
    history: submission.history ?? [],
    notificationState: submission.notification,
  };
}

/**
 * A submission's audit trail for an admin of its municipality (another municipality's is "not found", as for
 * staff); the reading is itself audited (`audit`), after the list, so the answer shows the trail as it was.
 * The trail lives as long as the submission: once it has expired (swept or not) there is nothing to show.
 */
export async function readAuditTrail(
  deps: Pick<ReadDeps, 'store' | 'audit' | 'clock'>,
  admin: StaffMember,
  reference: string,
): Promise<AuditTrail> {
  const submission = await visibleSubmission(deps, admin, reference);
  const now = deps.clock.now();
  const entries = await deps.audit.list(reference, now);
  await deps.audit.record({ reference, at: now.toISOString(), actor: admin.email, action: 'audit', expiresAt: submission.expiresAt });
  return { reference, entries, history: submission.history ?? [] };
}
