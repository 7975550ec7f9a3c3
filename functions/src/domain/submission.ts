import type { Lang } from '../../../schemas/src/index.js';

import type { SubmissionStatus } from '../../../schemas/src/statuses.js';
import type { SpamReason } from '../../../schemas/src/spam-contract.js';

export { STATUSES, type SubmissionStatus } from '../../../schemas/src/statuses.js';

import type { HistoryEntry, NotificationState } from '../../../schemas/src/staff-contract.js';

export type { HistoryEntry, NotificationState } from '../../../schemas/src/staff-contract.js';

/** A resident's stored answers, validated against the recorded form version. */
export interface Submission {
  reference: string;
  formId: string;
  formVersion: number;
  municipality: string;
  lang: Lang;
  answers: Record<string, unknown>;
  consentVersion: string;
  submittedAt: string;
  status: SubmissionStatus;
  /** Optimistic-locking version, starts at 1. */
  version: number;
  assignee?: string | null;
  history?: HistoryEntry[];
  updatedAt?: string;
  /**
   * Hash of the Idempotency-Key that created it, if any: a retry with that key recognises its own submission by
   * this, never by equal answers (someone else may have sent the same body).
   */
  idempotencyKeyHash?: string;
  notification: NotificationState;
  /**
   * `false`: evidence for the reports, not a case (its form says `meta.triage: false` and it left no contact
   * details): never mailed, not in the inbox, search, digest or export, not readable by reference. Absent on cases.
   */
  triage?: false;
  /**
   * Held as suspected spam (docs/data-model.md): stored apart from the inbox, its search and the digest, nobody
   * notified, purged after 30 days unless an admin releases it.
   */
  spam?: { reason: SpamReason };
  /** How many identical submissions (same form, answers and client within minutes) this case stands for; absent: one. */
  identical?: number;
  /** The hash the identical ones are grouped under, so only they add to this case's count. */
  identicalKey?: string;
  /**
   * A random key the monthly aggregates remember this submission's counted steps by (`<reportKey>:done`), so none is
   * counted twice. Random, not derived from the reference: once the submission is deleted it points at nothing.
   * Absent on submissions stored before reports; `rebuild-reports` gives them one.
   */
  reportKey?: string;
  /** Epoch seconds after which the submission is deleted (retention). */
  expiresAt: number;
}

/** Which reference an idempotency key produced, for which request. */
export interface IdempotencyRecord {
  keyHash: string;
  /** Hash of the request as sent, so the same key with another body is told apart from a retry. */
  requestHash: string;
  reference: string;
  submittedAt: string;
  expiresAt: number;
}
