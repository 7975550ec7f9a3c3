import { Conflict, NotFound, Unauthorized } from '../errors.js';
import { mailboxesFor } from '../routing.js';
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

export type LinkOutcome = 'done' | 'already' | 'claimed_by_other' | 'closed_since';

/**
 * The grant of a valid, unexpired link and the submission it names (nothing changes). The mailbox it was mailed to
 * must still receive the form's notifications in the municipality's current routing: a mailbox routed away (or
 * a municipality's routing changed since the mail) holds a link that no longer works.
 */
export async function inspectLink(deps: LinkDeps, token: string): Promise<{ grant: ActionGrant; submission: Submission }> {
  const invalid = () => new Unauthorized('This link is not valid or has expired. Open the submission in the staff inbox instead.');
  const grant = verifyActionLink(deps.crypto, deps.actionSecret, token, deps.clock.now());
  if (!grant) throw invalid();
  const submission = await deps.store.getSubmission(grant.reference, deps.clock.now());
  if (!submission) throw new NotFound(`No submission ${grant.reference}.`);
  const routed = mailboxesFor(deps.registry.catalog.municipality(submission.municipality), submission.formId);
  if (!routed.some((mailbox) => sameAssignee(mailbox, grant.mailbox))) throw invalid();
  return { grant, submission };
}

/** Whether the case was marked done after the link was mailed (whatever its status now). */
const closedSince = (grant: ActionGrant, s: Submission): boolean =>
  (s.history ?? []).slice(grant.seen).some((h) => h.action === 'status' && h.to === 'done');

/**
 * Who a link action is done by: the signed-in member, when there is one who works on the submission's municipality
 * (the claim is theirs, not the shared mailbox's), else the mailbox the link was mailed to.
 */
function actingAs(grant: ActionGrant, s: Submission, member: StaffMember | undefined): { assignee: string; actor: string } {
  if (member && canAccess(member, s.municipality)) return { assignee: member.email, actor: member.email };
  return { assignee: grant.mailbox, actor: `link:${grant.mailbox}` };
}

function plan(grant: ActionGrant, s: Submission, assignee: string): { outcome: LinkOutcome; patch?: Record<string, unknown> } {
  // The link acts on the case as it was mailed: once that case was closed, a done link repeats harmlessly while it
  // stays done, and neither link acts on it again (a reopened case is not closed, or claimed, by an old mail).
  if (grant.action === 'done' && s.status === 'done') return { outcome: 'already' };
  if (closedSince(grant, s)) return { outcome: 'closed_since' };
  if (grant.action === 'claim') {
    if (s.assignee && sameAssignee(s.assignee, assignee)) return { outcome: 'already' };
    // Taken by the mailbox the link went to, a person of that mailbox may take it over; anyone else keeps it.
    // (A member whose email is the mailbox is the same person: their own assignment is not someone else's claim.)
    if (s.assignee && !sameAssignee(s.assignee, grant.mailbox)) return { outcome: 'claimed_by_other' };
    return { outcome: 'done', patch: { assignee, ...(s.status === 'new' ? { status: 'in_progress' } : {}) } };
  }
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
