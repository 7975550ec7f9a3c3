import type { HeldSubmission } from '../../../../schemas/src/spam-contract.js';
import { NotFound } from '../errors.js';
import { answerWords, type FormRegistry } from '../form-registry.js';
import { epochAfterDays } from '../epoch.js';
import type { AuditLog, Clock, Crypto, SearchIndex, SubmissionStore } from '../ports.js';
import { countSubmission, type CountDeps } from '../reports/count-submission.js';
import { indexForSearch } from '../staff/search-submissions.js';
import { answerViews } from '../staff/submission-detail.js';
import type { StaffMember } from '../staff/staff-member.js';
import { SPAM_RETENTION_DAYS } from './spam-signals.js';

export interface HeldDeps extends CountDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  search: SearchIndex;
  audit: AuditLog;
  clock: Clock;
  crypto: Crypto;
}

/** The most held submissions one list shows: more than that at once is an attack to stop elsewhere. */
export const HELD_LIST_LIMIT = 100;

/** The audit reference of reading the held submissions, which belong to no municipality's inbox yet. */
export const HELD_AUDIT_REFERENCE = 'spam';

/** Submissions held as suspected spam, newest first, with every answer for an admin to judge; the read is audited. */
export async function listHeldSubmissions(deps: HeldDeps, admin: StaffMember): Promise<HeldSubmission[]> {
  const now = deps.clock.now();
  const held = await deps.store.listHeld(now, HELD_LIST_LIMIT);
  const items = await Promise.all(
    held.map(async (s) => {
      const form = await deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion);
      const answers = answerViews(form, s, answerWords(deps.registry, form, s.municipality)).map(({ field, label, display }) => ({
        field,
        label,
        display,
      }));
      return {
        reference: s.reference,
        form: s.formId,
        municipality: s.municipality,
        lang: s.lang,
        submittedAt: s.submittedAt,
        reason: s.spam?.reason ?? 'honeypot',
        answers,
      } satisfies HeldSubmission;
    }),
  );
  await deps.audit.record({
    reference: HELD_AUDIT_REFERENCE,
    at: now.toISOString(),
    actor: admin.email,
    action: 'read',
    detail: items.map((i) => i.reference).join(' '),
    expiresAt: epochAfterDays(now, SPAM_RETENTION_DAYS),
  });
  return items;
}

/**
 * Releases a held submission: its search keys are written, then one conditional write moves it into its
 * municipality's inbox with the notification due now (staff mail and the resident's confirmation follow as for any
 * submission) and its form's retention counted from when it was sent; the reports count it from then. Audited on the
 * submission.
 */
export async function releaseHeldSubmission(deps: HeldDeps, admin: StaffMember, reference: string): Promise<void> {
  const now = deps.clock.now();
  const held = await deps.store.getSubmission(reference, now, { includeHeld: true });
  if (!held?.spam) throw new NotFound(`No held submission ${reference}.`);
  const form = await deps.registry.versions.formVersion(held.municipality, held.formId, held.formVersion);
  const expiresAt = epochAfterDays(new Date(held.submittedAt), form.meta.retentionDays);
  // Evidence (feedback that is not a case) goes back to the evidence: never mailed, searched or in the inbox.
  const evidence = held.triage === false;
  if (!evidence) await indexForSearch(deps, form, { ...held, expiresAt });
  const released = await deps.store.releaseHeld(
    reference,
    { municipality: held.municipality, dueAt: now.toISOString(), expiresAt, evidence },
    now,
  );
  if (!released) throw new NotFound(`No held submission ${reference}.`);
  // Counted in the reports from now: held, it was not (a submission that stays held is purged uncounted).
  await countSubmission(deps, held);
  await deps.audit.record({ reference, at: now.toISOString(), actor: admin.email, action: 'release', expiresAt });
}
