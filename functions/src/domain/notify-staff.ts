import type { FormRegistry } from './form-registry.js';
import type { Mailer } from './mailer.js';
import type { Clock, SubmissionStore } from './ports.js';
import { staffNotification } from './staff-notification.js';
import type { NotificationState } from './submission.js';

export interface NotifyDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  mailer: Mailer;
  clock: Clock;
  mail: { from: string; publicUrl: string };
}

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
 * Sends every due staff notification once: leases it (so a parallel notifier skips it), mails the routed
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
    let state: NotificationState;
    try {
      const form = await registry.formVersion(submission.municipality, submission.formId, submission.formVersion);
      const municipality = registry.municipality(submission.municipality);
      await mailer.send(staffNotification(form, municipality, submission, deps.mail));
      state = { state: 'sent', attempts, sentAt: clock.now().toISOString() };
      result.sent++;
    } catch (error) {
      const lastError = String((error as Error)?.message ?? error).slice(0, 500);
      state =
        attempts >= MAX_ATTEMPTS
          ? { state: 'failed', attempts, lastError }
          : { state: 'pending', attempts, lastError, dueAt: new Date(now.getTime() + backoffMs(attempts)).toISOString() };
      result.failed++;
    }
    await store.saveNotification(submission.reference, state);
  }
  return result;
}
