import type { FormDefinition } from '../../../schemas/src/index.js';
import type { IdempotencyRecord, Submission } from './submission.js';

/** Stores submissions; every change is one conditional single-item write. */
export interface SubmissionStore {
  /** Records an idempotency key unless it exists; returns the existing record if it does. */
  claimIdempotencyKey(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  /** Points a claimed key at another reference (after a reference collision). */
  repointIdempotencyKey(keyHash: string, from: string, to: string): Promise<void>;
  /** Writes a new submission; false when the reference is taken. */
  createSubmission(submission: Submission): Promise<boolean>;
  /** A submission that exists and has not expired at `now`. */
  getSubmission(reference: string, now: Date): Promise<Submission | undefined>;
  /** Submissions whose staff notification is due at `now`, oldest first. */
  dueNotifications(now: Date, limit: number): Promise<Submission[]>;
  /** Takes a due notification for sending, so two notifiers never send one twice; false if another took it. */
  leaseNotification(reference: string, seenDueAt: string, leaseUntil: string): Promise<boolean>;
  /** Saves the outcome of a delivery attempt. */
  saveNotification(reference: string, state: Submission['notification']): Promise<void>;
  /** Deletes submissions whose retention ended before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

/** Published form versions, immutable once written. */
export interface FormVersionStore {
  /** Publishes a version unless it exists; throws if it exists with other content. */
  publish(form: FormDefinition, publishedAt: string): Promise<void>;
  get(formId: string, version: number): Promise<FormDefinition | undefined>;
}

/** Counts requests per key in fixed windows. */
export interface RateLimiter {
  /** Counts one hit; `retryAfterSeconds` is set when the limit is exceeded. */
  hit(key: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export interface Clock {
  now(): Date;
}

/** Cryptographic randomness and hashing, injected so tests can pin them. */
export interface Crypto {
  randomBytes(n: number): Uint8Array;
  sha256(text: string): string;
}
