import { InvalidRequest } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, StaffDirectory, SubmissionStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { validAssignee } from './assignee.js';
import { changeHistory, requestedNote, requestedStatus } from './triage-rules.js';

export interface ChangeDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  audit: AuditLog;
  clock: Clock;
  /** Who may be assigned: members with access to the submission's municipality. */
  staff: StaffDirectory;
}

/** A change as a request body carries it: checked here, not trusted. */
export interface Patch {
  status?: unknown;
  assignee?: unknown;
  note?: unknown;
  expectedVersion?: unknown;
}

/** Changes status, assignee and/or adds a note in one conditional write, and audits it; 409 on a stale version. */
export async function changeSubmission(deps: ChangeDeps, actor: string, submission: Submission, patch: Patch): Promise<Submission> {
  if (!Number.isInteger(patch.expectedVersion)) throw new InvalidRequest('expectedVersion (an integer) is required.');
  const status = requestedStatus(patch.status === undefined ? undefined : String(patch.status));
  const note = requestedNote(patch.note);
  const assignee = await validAssignee(deps, submission, patch.assignee);
  const at = deps.clock.now().toISOString();
  const history = changeHistory(submission, { status, assignee, note }, actor, at);
  const updated = await deps.store.updateSubmission(submission.reference, patch.expectedVersion as number, { status, assignee, history, at }, deps.clock.now());
  await deps.audit.record({ reference: submission.reference, at, actor, action: 'update', detail: history.map((h) => h.action).join(','), expiresAt: submission.expiresAt });
  return updated;
}
