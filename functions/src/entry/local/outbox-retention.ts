import { sweepOutbox, type OutboxMessage } from '../../adapters/file-mailer.js';
import { sweepSmsOutbox } from '../../adapters/file-sms.js';
import type { SubmissionStore } from '../../domain/ports.js';

/** How long the local outbox keeps a message about no submission (a sign-in link, a digest): a sign-in link's worth of a week. */
export const UNREFERENCED_DAYS = 7;

/**
 * The local outboxes' retention, run with the store's own sweep: a message about a submission (mail with
 * `X-Koto-Reference`, every text message) goes when the store no longer has that submission, so no answer outlives
 * its retention in `.data/mail`; any other message after `UNREFERENCED_DAYS`. Returns how many went.
 */
export async function sweepLocalOutboxes(
  store: Pick<SubmissionStore, 'getSubmission'>,
  dirs: { mail: string; sms: string },
  now: Date,
): Promise<number> {
  const expired = async ({ reference, writtenAt }: OutboxMessage): Promise<boolean> =>
    reference ? !(await store.getSubmission(reference, now)) : now.getTime() - writtenAt.getTime() > UNREFERENCED_DAYS * 86_400_000;
  return (await sweepOutbox(dirs.mail, expired)) + (await sweepSmsOutbox(dirs.sms, expired));
}
