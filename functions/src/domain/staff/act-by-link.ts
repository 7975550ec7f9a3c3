import { Conflict, NotFound, Unauthorized } from '../errors.js';
import type { Crypto } from '../ports.js';
import type { Submission } from '../submission.js';
import { verifyActionLink, type ActionGrant } from './action-link.js';
import { sameAssignee } from './assignee.js';
import { changeSubmission, type ChangeDeps } from './change-submission.js';
import { canAccess, type StaffMember } from './staff-member.js';

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

/**
 * Who a link action is done by: the signed-in member, when there is one who works on the submission's municipality
 * (the claim is theirs, not the shared mailbox's), else the mailbox the link was mailed to.
 */
function actingAs(grant: ActionGrant, s: Submission, member: StaffMember | undefined): { assignee: string; actor: string } {
  if (member && canAccess(member, s.municipality)) return { assignee: member.email, actor: member.email };
  return { assignee: grant.mailbox, actor: `link:${grant.mailbox}` };
}

function plan(grant: ActionGrant, s: Submission, assignee: string): { outcome: LinkOutcome; patch?: Record<string, unknown> } {
  if (grant.action === 'claim') {
    if (s.assignee && sameAssignee(s.assignee, assignee)) return { outcome: 'already' };
    // Taken by the mailbox the link went to, a person of that mailbox may take it over; anyone else keeps it.
    // (A member whose email is the mailbox is the same person: their own assignment is not someone else's claim.)
    if (s.assignee && !sameAssignee(s.assignee, grant.mailbox)) return { outcome: 'claimed_by_other' };
    return { outcome: 'done', patch: { assignee, ...(s.status === 'new' ? { status: 'in_progress' } : {}) } };
  }
  if (s.status === 'done') return { outcome: 'already' };
  return { outcome: 'done', patch: { status: 'done' } };
}

/**
 * Carries out an emailed action (claim, mark done) for the member signed in, or else for the mailbox the link was
 * sent to; repeating it is harmless.
 */
export async function actByLink(
  deps: LinkDeps,
  token: string,
  member?: StaffMember,
): Promise<{ outcome: LinkOutcome; submission: Submission; grant: ActionGrant }> {
  for (let attempt = 0; ; attempt++) {
    const { grant, submission } = await inspectLink(deps, token);
    const { assignee, actor } = actingAs(grant, submission, member);
    const { outcome, patch } = plan(grant, submission, assignee);
    if (!patch) return { outcome, submission, grant };
    try {
      const updated = await changeSubmission(deps, actor, submission, { ...patch, expectedVersion: submission.version });
      return { outcome, submission: updated, grant };
    } catch (e) {
      // Someone changed it meanwhile: look again once, then give up with the conflict.
      if (!(e instanceof Conflict) || attempt > 0) throw e;
    }
  }
}
