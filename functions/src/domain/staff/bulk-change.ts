import type { BulkChange, BulkResult } from '../../../../schemas/src/index.js';
import { Conflict, NotFound } from '../errors.js';
import { changeSubmission, type ChangeDeps } from './change-submission.js';
import { visibleSubmission } from './read-submission.js';
import type { StaffMember } from './staff-member.js';
import { isMarkedSpam } from './triage-rules.js';

/**
 * Rejects several submissions at once, each as its own audited change at the version just read (a burst of the
 * same answers, spam). One that is not the member's or is gone is `not_found`, one already rejected `unchanged`
 * (marked as spam already, for `spam`: one rejected before is marked, which takes it out of the reports),
 * one changed by someone else in between `conflict`; the others are `changed`. `spamNote` goes into the history of
 * each submission marked as spam.
 */
export async function bulkChange(deps: ChangeDeps, member: StaffMember, change: BulkChange, spamNote: string): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const reference of change.references) {
    try {
      const submission = await visibleSubmission(deps, member, reference);
      const spam = change.action === 'spam';
      if (submission.status === 'rejected' && (!spam || isMarkedSpam(submission))) {
        results.push({ reference, outcome: 'unchanged', version: submission.version });
        continue;
      }
      const updated = await changeSubmission(
        deps,
        member.email,
        submission,
        { status: 'rejected', note: spam ? spamNote : undefined, expectedVersion: submission.version },
        spam ? { spam } : {},
      );
      results.push({ reference, outcome: 'changed', version: updated.version });
    } catch (e) {
      if (e instanceof NotFound) results.push({ reference, outcome: 'not_found' });
      else if (e instanceof Conflict) results.push({ reference, outcome: 'conflict' });
      else throw e;
    }
  }
  return { results };
}
