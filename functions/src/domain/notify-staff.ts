import type { StaffTexts } from '../../../schemas/src/staff-texts.js';
import type { FormRegistry } from './form-registry.js';
import type { Mailer } from './mailer.js';
import type { Clock, RateLimiter, SubmissionStore } from './ports.js';
import { RESIDENT_RECIPIENT, RESIDENT_SMS_RECIPIENT, residentConfirmation, residentSms } from './resident-confirmation.js';
import type { SmsSender } from './sms.js';
import { staffMailings, type StaffMailingDeps } from './staff-mailings.js';
import type { NotificationState } from './submission.js';

export interface NotifyDeps extends StaffMailingDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  mailer: Mailer;
  /** Sends the resident's SMS confirmation where the town has switched SMS on. */
  sms: SmsSender;
  clock: Clock;
  /** The staff's own words (`schemas/texts/staff/`): the notification, the digest. */
  staffTexts: StaffTexts;
  /** Caps residents' confirmations per recipient address, so the form cannot mail-bomb a stranger. */
  confirmationLimiter: RateLimiter;
}

/** Marks a resident confirmation left unsent because its address had its hour's share (`confirmationLimiter`). */
export const CAPPED = '-capped';

/** After this many failed attempts the notification is marked failed and left for staff to see. */
export const MAX_ATTEMPTS = 12;
const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Delay before attempt `attempts + 1`: 1, 2, 4, ... minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export interface DrainResult {
  sent: number;
  failed: number;
}

/**
 * Whether a resident confirmation to `address` is still to send: not sent (or capped) on an earlier attempt, and the
 * address has not had its hour's share. A capped one is marked `<recipient>-capped` and never tried again; the
 * submission and the staff mail are not affected.
 */
async function confirmationDue(deps: NotifyDeps, sentTo: string[], recipient: string, address: string, now: Date): Promise<boolean> {
  if (sentTo.includes(recipient) || sentTo.includes(recipient + CAPPED)) return false;
  const { allowed } = await deps.confirmationLimiter.hit(deps.crypto.sha256(`confirm:${address.toLowerCase()}`), now);
  if (!allowed) sentTo.push(recipient + CAPPED);
  return allowed;
}

/**
 * Sends every due notification once (staff mailboxes, then the resident's confirmation by email and SMS): leases it (so a parallel notifier skips it), mails the routed
 * mailboxes, and records the outcome with attempt count, last error and the next try.
 */
export async function notifyStaff(deps: NotifyDeps, limit = 25): Promise<DrainResult> {
  const { registry, store, mailer, clock } = deps;
  const result: DrainResult = { sent: 0, failed: 0 };
  const due = await store.dueNotifications(clock.now(), limit);
  for (const submission of due) {
    const now = clock.now();
    const leased = await store.leaseNotification(
      submission.reference,
      submission.notification.dueAt!,
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    if (!leased) continue;
    const attempts = submission.notification.attempts + 1;
    const sentTo = [...(submission.notification.sentTo ?? [])];
    let state: NotificationState;
    try {
      const form = await registry.versions.formVersion(submission.municipality, submission.formId, submission.formVersion);
      const municipality = registry.catalog.municipality(submission.municipality);
      const words = { fi: registry.texts.localized(form, municipality, 'fi'), yesNo: registry.texts.yesNo('fi'), staff: deps.staffTexts };
      for (const { mailbox, mail } of staffMailings(deps, form, municipality, submission, words, now)) {
        if (sentTo.includes(mailbox)) continue;
        await mailer.send(mail);
        sentTo.push(mailbox);
      }
      const texts = registry.texts.mailTexts(submission.lang);
      const vars = registry.texts.vars(municipality, submission.lang);
      const confirmation = residentConfirmation(form, municipality, submission, texts, deps.mail.from, vars);
      if (confirmation && (await confirmationDue(deps, sentTo, RESIDENT_RECIPIENT, confirmation.to[0]!, now))) {
        await mailer.send(confirmation);
        sentTo.push(RESIDENT_RECIPIENT);
      }
      const sms = residentSms(form, municipality, submission, texts, vars);
      if (sms && (await confirmationDue(deps, sentTo, RESIDENT_SMS_RECIPIENT, sms.to, now))) {
        await deps.sms.send(sms);
        sentTo.push(RESIDENT_SMS_RECIPIENT);
      }
      state = { state: 'sent', attempts, sentAt: clock.now().toISOString(), sentTo };
      result.sent++;
    } catch (error) {
      const lastError = String((error as Error)?.message ?? error).slice(0, 500);
      const kept = sentTo.length ? { sentTo } : {};
      state =
        attempts >= MAX_ATTEMPTS
          ? { state: 'failed', attempts, lastError, ...kept }
          : { state: 'pending', attempts, lastError, dueAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(), ...kept };
      result.failed++;
    }
    await store.saveNotification(submission.reference, state);
  }
  return result;
}
