import { Conflict, NotFound, Unauthorized } from '../errors.js';
import type { Crypto } from '../ports.js';
import type { Submission } from '../submission.js';
import { verifyActionLink, type ActionGrant } from './action-link.js';
import { sameAssignee } from './assignee.js';
import { changeSubmission, type ChangeDeps } from './change-submission.js';

export interface LinkDeps extends ChangeDeps {
  crypto: Crypto;
  actionSecret: string;
}

export type LinkOutcome = 'done' | 'already' | 'claimed_by_other';

/** The grant of a valid, unexpired link and the submission it names (nothing changes). */
export async function inspectLink(deps: LinkDeps, token: string): Promise<{ grant: ActionGrant; submission: Submission }> {
  const grant = verifyActionLink(deps.crypto, deps.actionSecret, token, deps.clock.now());
  if (!grant) throw new Unauthorized('This link is not valid or has expired. Open the submission in the staff inbox instead.');
  const submission = await deps.store.getSubmission(grant.reference, deps.clock.now());
  if (!submission) throw new NotFound(`No submission ${grant.reference}.`);
  return { grant, submission };
}

function plan(grant: ActionGrant, s: Submission): { outcome: LinkOutcome; patch?: Record<string, unknown> } {
  if (grant.action === 'claim') {
    // A member whose email is the mailbox is the same person: their own assignment is not someone else's claim.
    if (s.assignee && !sameAssignee(s.assignee, grant.mailbox)) return { outcome: 'claimed_by_other' };
    if (s.assignee) return { outcome: 'already' };
    return { outcome: 'done', patch: { assignee: grant.mailbox, ...(s.status === 'new' ? { status: 'in_progress' } : {}) } };
  }
  if (s.status === 'done') return { outcome: 'already' };
  return { outcome: 'done', patch: { status: 'done' } };
}

/** Carries out an emailed action (claim, mark done) for the mailbox the link was sent to; repeating it is harmless. */
export async function actByLink(
  deps: LinkDeps,
  token: string,
): Promise<{ outcome: LinkOutcome; submission: Submission; grant: ActionGrant }> {
  for (let attempt = 0; ; attempt++) {
    const { grant, submission } = await inspectLink(deps, token);
    const { outcome, patch } = plan(grant, submission);
    if (!patch) return { outcome, submission, grant };
    try {
      const updated = await changeSubmission(deps, `link:${grant.mailbox}`, submission, { ...patch, expectedVersion: submission.version });
      return { outcome, submission: updated, grant };
    } catch (e) {
      // Someone changed it meanwhile: look again once, then give up with the conflict.
      if (!(e instanceof Conflict) || attempt > 0) throw e;
    }
  }
}
