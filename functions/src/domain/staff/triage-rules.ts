import { InvalidRequest } from '../errors.js';
import { STATUSES, type HistoryEntry, type Submission, type SubmissionStatus } from '../submission.js';
import { sameAssignee } from './assignee.js';

/** A status named in a filter or a change: undefined for none, InvalidRequest for one that does not exist. */
export function requestedStatus(value: string | undefined): SubmissionStatus | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(STATUSES as readonly string[]).includes(value))
    throw new InvalidRequest(`Unknown status "${value}"; use one of ${STATUSES.join(', ')}.`);
  return value as SubmissionStatus;
}

/** A note as asked for: none, or text that is not only spaces (its length is the contract's); else InvalidRequest. */
export function requestedNote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new InvalidRequest('"note" must not be only spaces.');
  return value;
}

/** What one change asks for; undefined parts are left as they are (a null assignee unassigns). */
export interface Change {
  status?: SubmissionStatus;
  assignee?: string | null;
  note?: string;
  /** With `status: 'rejected'`: rejected as spam (`HistoryEntry.spam`). */
  spam?: true;
}

/** Whether staff marked the submission as spam and it is still so: its last status change says so. */
export function isMarkedSpam(submission: Pick<Submission, 'status' | 'history'>): boolean {
  if (submission.status !== 'rejected') return false;
  const last = (submission.history ?? []).filter((h) => h.action === 'status').at(-1);
  return last?.spam === true;
}

/**
 * The history a change adds to a submission: a status or an assignee only when it differs from what it is now,
 * a note (trimmed) always. Marking as spam is a status change even on a submission rejected before (rejected to
 * rejected, as spam), unless it is marked already. InvalidRequest when that leaves nothing to record.
 */
export function changeHistory(submission: Submission, change: Change, by: string, at: string): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  if (change.spam && change.status !== 'rejected') throw new InvalidRequest('Only a rejection marks a submission as spam.');
  const markSpam = change.spam === true && !isMarkedSpam(submission);
  if ((change.status !== undefined && change.status !== submission.status) || markSpam)
    history.push({ at, by, action: 'status', from: submission.status, to: change.status!, ...(markSpam ? { spam: true as const } : {}) });
  if (change.assignee !== undefined && !sameAssignee(change.assignee, submission.assignee))
    history.push({ at, by, action: 'assign', from: submission.assignee ?? null, to: change.assignee });
  if (change.note !== undefined) history.push({ at, by, action: 'note', note: change.note.trim() });
  if (history.length === 0) throw new InvalidRequest('Nothing to change.');
  return history;
}
