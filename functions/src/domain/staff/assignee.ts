import type { Municipality } from '../../../../schemas/src/index.js';
import { InvalidAssignee } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import type { StaffDirectory } from '../ports.js';
import { routedMailboxes } from '../routing.js';
import type { Submission } from '../submission.js';
import { canAccess, normaliseEmail } from './staff-member.js';

export interface AssigneeDeps {
  registry: FormRegistry;
  staff: StaffDirectory;
}

/** Every mailbox of a municipality's routing (its default too) and every one its notifications reach, normalised. */
function mailboxesOf(municipality: Municipality): Set<string> {
  return new Set([...Object.values(municipality.routing).flat(), ...routedMailboxes(municipality)].map(normaliseEmail));
}

/**
 * The assignee a change asks for, normalised, if they can work on the submission: nobody (null), a staff member
 * with access to its municipality, or one of that municipality's mailboxes (a link claim assigns the mailbox it
 * was mailed to; a mailbox that is also a member's email is that member). Anything else is InvalidAssignee.
 */
export async function validAssignee(
  deps: AssigneeDeps,
  submission: Submission,
  value: string | null | undefined,
): Promise<string | null | undefined> {
  if (value === undefined || value === null) return value;
  const refuse = new InvalidAssignee('assignee must be null, a staff member who works on this municipality, or one of its mailboxes.');
  const email = normaliseEmail(value);
  if (email === '') throw refuse;
  if (mailboxesOf(deps.registry.catalog.municipality(submission.municipality)).has(email)) return email;
  const member = await deps.staff.get(email);
  if (member && canAccess(member, submission.municipality)) return normaliseEmail(member.email);
  throw refuse;
}

/** Whether two assignees are the same person or mailbox (emails compare case-insensitively). */
export const sameAssignee = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ? normaliseEmail(a) : null) === (b ? normaliseEmail(b) : null);
