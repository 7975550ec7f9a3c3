import type { FormDefinition, Municipality } from '../../../schemas/src/index.js';
import { epochAfterDays } from './epoch.js';
import type { OutgoingMail } from './mailer.js';
import type { Crypto } from './ports.js';
import { publicLink } from './public-link.js';
import { mailboxesFor } from './routing.js';
import { LINK_DAYS, signActionLink, type LinkAction } from './staff/action-link.js';
import { staffNotification, type StaffMailWords } from './staff-notification.js';
import type { Submission } from './submission.js';

export interface StaffMailingDeps {
  crypto: Crypto;
  /** Key that signs the claim / mark-done links. */
  actionSecret: string;
  mail: { from: string; publicUrl: string };
}

/** One staff notification, addressed to one mailbox. */
export interface StaffMailing {
  mailbox: string;
  mail: OutgoingMail;
}

/**
 * The staff notifications of a submission: one per mailbox its form is routed to, each with action links signed
 * for that mailbox and the submission's state now, valid for `LINK_DAYS` from `now`, so a claim from the mail
 * assigns the mailbox it went to.
 */
export function staffMailings(
  deps: StaffMailingDeps,
  form: FormDefinition,
  municipality: Municipality,
  submission: Submission,
  words: StaffMailWords,
  now: Date,
): StaffMailing[] {
  const exp = epochAfterDays(now, LINK_DAYS);
  const link = (path: string) => publicLink(deps.mail.publicUrl, path);
  // Each link acts on the submission as it is now: a case closed after the mail is not acted on by it.
  const mailedFor = { status: submission.status, seen: submission.history?.length ?? 0 };
  return mailboxesFor(municipality, form.id).map((mailbox) => {
    const action = (action: LinkAction) =>
      link(`/a/${signActionLink(deps.crypto, deps.actionSecret, { reference: submission.reference, action, mailbox, exp, ...mailedFor })}`);
    const links = { open: link(`/staff/submissions/${submission.reference}`), claim: action('claim'), done: action('done') };
    const content = staffNotification(form, municipality, submission, { ...words, links });
    return { mailbox, mail: { from: deps.mail.from, to: [mailbox], ...content } };
  });
}
