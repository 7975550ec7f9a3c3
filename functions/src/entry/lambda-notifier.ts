import { notifyStaff } from '../domain/notify-staff.js';
import { sendDailyDigest } from '../domain/staff/send-digest.js';
import { jsonLog } from './build-deps.js';
import { lambdaConfig } from './lambda-config.js';
import { lambdaDeps } from './lambda-deps.js';

const deps = lambdaDeps(lambdaConfig(import.meta.url));
/** Leave this much of the invocation for saving the last outcome. */
const SAFETY_MS = 10_000;

/**
 * Woken by the table's stream (a new submission) and by a schedule (retries with backoff): drains the due staff
 * notifications until none are left or time runs short. The event's content is not needed: the outbox index is
 * the source of truth.
 */
export async function handler(event: unknown, context?: { getRemainingTimeInMillis?: () => number }) {
  // The forms an admin published since the last run (the mail's titles, the digest's forms).
  await deps.notify.registry.sync.ensureFresh(new Date());
  // The digest schedule (04:00 and 05:00 UTC on weekdays) sends `{"job":"digest"}`; the digest itself decides which
  // wake-up is 7 o'clock in Helsinki on a working day, and sends once that day. Every other event drains the outbox.
  if ((event as { job?: string } | undefined)?.job === 'digest') {
    const digest = await sendDailyDigest(deps.notify);
    jsonLog({ level: 'info', msg: 'daily digest', ...digest });
    return { digest };
  }
  let sent = 0;
  let failed = 0;
  for (;;) {
    const result = await notifyStaff(deps.notify);
    sent += result.sent;
    failed += result.failed;
    const timeLeft = context?.getRemainingTimeInMillis?.() ?? Infinity;
    if (result.sent + result.failed === 0 || timeLeft < SAFETY_MS) break;
  }
  jsonLog({ level: 'info', msg: 'notifier run', sent, failed });
  // The stream mapping reports item failures; none here: an unsent notification stays in the outbox.
  return { batchItemFailures: [], sent, failed };
}
