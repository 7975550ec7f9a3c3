import type { FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, StaffDirectory, SubmissionStore } from '../ports.js';
import type { SubmissionPatch } from '../../../../schemas/src/index.js';
import type { Submission } from '../submission.js';
import { validAssignee } from './assignee.js';
import { changeHistory, requestedNote } from './triage-rules.js';
import { InvalidRequest } from '../errors.js';
import { sendFeedbackRequest, type FeedbackRequestDeps, type FeedbackRequestOutcome } from './feedback-request.js';
import { countSubmission, type CountDeps } from '../reports/count-submission.js';

export interface ChangeDeps extends CountDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  audit: AuditLog;
  clock: Clock;
  /** Who may be assigned: members with access to the submission's municipality. */
  staff: StaffDirectory;
}

/**
 * Changes status, assignee and/or adds a note in one conditional write, and audits it; 409 on a stale version. The
 * patch has the contract's shape (checked at the route); what is checked here is what only the data can tell.
 * `spam`: the rejection marks it as spam (the inbox's bulk action; not part of the PATCH contract).
 */
export async function changeSubmission(
  deps: ChangeDeps,
  actor: string,
  submission: Submission,
  patch: SubmissionPatch,
  { spam }: { spam?: true } = {},
): Promise<Submission> {
  const { status } = patch;
  if (patch.requestFeedback && status !== 'done')
    throw new InvalidRequest('A feedback request (requestFeedback) goes with closing the case: status "done".');
  const note = requestedNote(patch.note);
  const assignee = await validAssignee(deps, submission, patch.assignee);
  const at = deps.clock.now().toISOString();
  const history = changeHistory(submission, { status, assignee, note, ...(spam ? { spam } : {}) }, actor, at);
  const updated = await deps.store.updateSubmission(
    submission.reference,
    patch.expectedVersion,
    { status, assignee, history, at },
    deps.clock.now(),
  );
  await countSubmission(deps, updated);
  await deps.audit.record({
    reference: submission.reference,
    at,
    actor,
    action: 'update',
    detail: history.map((h) => h.action).join(','),
    expiresAt: submission.expiresAt,
  });
  return updated;
}

/**
 * After a case was closed with `requestFeedback`: sends the resident a personal single-use feedback link
 * (`feedback-request.ts`) and audits how it went. The link is recorded nowhere near the case.
 */
export async function requestFeedback(
  deps: FeedbackRequestDeps & { audit: AuditLog },
  actor: string,
  submission: Submission,
): Promise<FeedbackRequestOutcome> {
  const outcome = await sendFeedbackRequest(deps, submission);
  await deps.audit.record({
    reference: submission.reference,
    at: deps.clock.now().toISOString(),
    actor,
    action: 'update',
    detail: `feedback-request:${outcome}`,
    expiresAt: submission.expiresAt,
  });
  return outcome;
}
