import type { FormDefinition, Municipality } from '../../../schemas/src/index.js';
import type { StaffMember, StaffRecord } from './staff/staff-member.js';
import type { AuditEntry } from '../../../schemas/src/staff-contract.js';
import type { HistoryEntry, IdempotencyRecord, Submission, SubmissionStatus } from './submission.js';

/** Filters of the staff inbox; `municipalities` is always the caller's scope (or a part of it). */
export interface SubmissionQuery {
  municipalities: string[];
  status?: SubmissionStatus;
  formId?: string;
  /** An email, or null for submissions nobody has taken. */
  assignee?: string | null;
  /** Only submissions sent before this time (age filter). */
  submittedBefore?: string;
  /** Only submissions whose staff notification failed for good (bounced). */
  notificationFailed?: boolean;
  /** The municipality's evidence (submissions of `meta.triage: false` forms) instead of its cases. */
  evidence?: boolean;
  limit: number;
  cursor?: string;
}

/** A change to a submission by staff; `history` is appended in the same write. */
export interface SubmissionChange {
  status?: SubmissionStatus;
  assignee?: string | null;
  /** The whole answers, replacing the stored ones (an admin's correction). */
  answers?: Record<string, unknown>;
  history: HistoryEntry[];
  at: string;
}

/** Stores submissions; every change is one conditional single-item write. */
export interface SubmissionStore {
  /** Records an idempotency key unless a live one exists (an expired one is replaced); returns the live one if so. */
  claimIdempotencyKey(record: IdempotencyRecord, now: Date): Promise<IdempotencyRecord | undefined>;
  /** Points a claimed key at `to` if it still points at `from`; returns where it points afterwards. */
  repointIdempotencyKey(keyHash: string, from: string, to: string): Promise<string>;
  /** Writes a new submission; false when the reference is taken. */
  createSubmission(submission: Submission): Promise<boolean>;
  /** A submission that exists and has not expired at `now`; one held as suspected spam only with `includeHeld`. */
  getSubmission(reference: string, now: Date, options?: { includeHeld?: boolean }): Promise<Submission | undefined>;
  /**
   * Groups identical submissions: the first under `key` (a live group absent) claims it for `first` until `until`
   * (epoch seconds) and gets undefined; a later one adds one to that case's `identical` count and gets its
   * receipt, or undefined when the case is not there to join (then it is stored as its own).
   */
  joinIdentical(
    key: string,
    first: { reference: string; submittedAt: string },
    now: Date,
    until: number,
  ): Promise<{ reference: string; submittedAt: string } | undefined>;
  /** Submissions held as suspected spam, newest first. */
  listHeld(now: Date, limit: number): Promise<Submission[]>;
  /**
   * Releases a held submission into the inbox with its notification due at `dueAt` and its form's retention (one
   * conditional write); `evidence` (a `meta.triage: false` form's, not a case) goes to the evidence instead, with
   * nothing to send. Undefined when it is not held (released already, purged, never there).
   */
  releaseHeld(
    reference: string,
    release: { municipality: string; dueAt: string; expiresAt: number; evidence?: boolean },
    now: Date,
  ): Promise<Submission | undefined>;
  /** Submissions whose staff notification is due at `now`, oldest first. */
  dueNotifications(now: Date, limit: number): Promise<Submission[]>;
  /** Takes a due notification for sending, so two notifiers never send one twice; false if another took it. */
  leaseNotification(reference: string, seenDueAt: string, leaseUntil: string): Promise<boolean>;
  /** Saves the outcome of a delivery attempt. */
  saveNotification(reference: string, state: Submission['notification']): Promise<void>;
  /** Newest first, in pages; `cursor` is opaque and absent on the last page. */
  listSubmissions(query: SubmissionQuery, now: Date): Promise<{ items: Submission[]; cursor?: string }>;
  /** Applies a change if the version is still `expectedVersion`; returns the new submission, or throws Conflict. */
  updateSubmission(reference: string, expectedVersion: number, change: SubmissionChange, now: Date): Promise<Submission>;
  /** Deletes a submission (erasure) and returns what was deleted; undefined when there was none. */
  deleteSubmission(reference: string): Promise<Submission | undefined>;
  /** Deletes an idempotency key if it still points at `reference` (a key moved elsewhere is someone else's). */
  deleteIdempotencyKey(keyHash: string, reference: string): Promise<void>;
  /** Gives a submission stored before reports its random `reportKey` unless it has one; the one it has now (none if gone). */
  assignReportKey(reference: string, key: string): Promise<string | undefined>;
  /** Deletes submissions whose retention ended before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
  /** Claims the daily digest of a Helsinki day (`YYYY-MM-DD`): true the first time only (one conditional write). */
  claimDigestDay(day: string, expiresAt: number): Promise<boolean>;
}

/**
 * A personal feedback link's record: which town and service the feedback will be about, and until when. On purpose
 * nothing else: not the person, not the case, so the feedback given through it cannot be tied back to either.
 */
export interface FeedbackInvite {
  municipality: string;
  /** The feedback form's `service` answer the link fixes. */
  service: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** Feedback links, kept by the hash of their token only; each is used once. */
export interface FeedbackInviteStore {
  create(tokenHash: string, invite: FeedbackInvite): Promise<void>;
  /** A live invite (not used, not expired at `now`). */
  find(tokenHash: string, now: Date): Promise<FeedbackInvite | undefined>;
  /** Deletes a live invite and returns it, in one conditional write: of two concurrent uses one gets it. */
  consume(tokenHash: string, now: Date): Promise<FeedbackInvite | undefined>;
}

/** One search key of a submission: the hash of one normalized token (`search-tokens.ts`), never the answer itself. */
export interface SearchEntry {
  municipality: string;
  /** `sha256` of the token, e.g. of `phone:+358401234567`. */
  key: string;
  reference: string;
  submittedAt: string;
  /** Epoch seconds: the submission's own expiry, so the key goes with it. */
  expiresAt: number;
}

/** Finds submissions by hashed tokens of their names, phone number and email: one query per key, however many submissions. */
export interface SearchIndex {
  /** Writes the keys; writing the same key for the same submission again changes nothing. */
  put(entries: SearchEntry[]): Promise<void>;
  /** Deletes the keys (an erasure, or a correction's old tokens); a key already gone changes nothing. */
  remove(entries: Omit<SearchEntry, 'expiresAt'>[]): Promise<void>;
  /** The newest `limit` submissions (references) of a municipality under a key, expired ones left out. */
  find(municipality: string, key: string, now: Date, limit: number): Promise<string[]>;
}

/** One published version as the form's head lists it: who published it, when, and why. */
export interface VersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
}

/** A form's entry in the list of forms: its current version and every version published, oldest first. */
export interface FormHead {
  formId: string;
  createdAt: string;
  createdBy: string;
  /** The version residents get; absent until the first publish. */
  current?: number;
  versions: VersionInfo[];
}

/** The one draft of a form an admin edits; `revision` counts its saves (0: never saved, the template or current version). */
export interface FormDraft {
  definition: FormDefinition;
  revision: number;
  savedAt: string;
  savedBy: string;
}

/** What writing a version's content found: it was new, the same content was there already, or other content was. */
export type VersionWrite = 'written' | 'same' | 'taken';

/**
 * Forms as data (docs/data-model.md): one head per form (the list of forms, its current version and versions), one
 * draft, and immutable versions. Every change is one conditional single-item write.
 */
export interface FormStore {
  /** Every form's head (one query), for the catalog's refresh and the admin list. */
  heads(): Promise<FormHead[]>;
  head(formId: string): Promise<FormHead | undefined>;
  /** Creates a form's head; false when the id is taken. */
  createHead(head: FormHead): Promise<boolean>;
  /** Appends a version and makes it current if the head's last version is still `expectedLast`; false otherwise. */
  commitVersion(formId: string, info: VersionInfo, expectedLast: number | undefined): Promise<boolean>;
  /**
   * Writes a version's content and its validator module (`validatorSource`) unless that version exists (`same`
   * when it exists with this very content).
   */
  putVersion(formId: string, definition: FormDefinition, validator: string): Promise<VersionWrite>;
  getVersion(formId: string, version: number): Promise<FormDefinition | undefined>;
  /** The validator module stored with a version; undefined for a version stored before validators were. */
  getValidator(formId: string, version: number): Promise<string | undefined>;
  /** Version numbers with content in the store (committed or not), for a head made for versions stored before heads. */
  storedVersions(formId: string): Promise<{ version: number; publishedAt: string }[]>;
  getDraft(formId: string): Promise<FormDraft | undefined>;
  /** Saves the draft as revision `draft.revision` if the stored one is still `draft.revision - 1`; false otherwise. */
  saveDraft(formId: string, draft: FormDraft): Promise<boolean>;
}

/** A municipality's data as its file has it, without the texts (those stay files, per language). */
export type MunicipalityData = Omit<Municipality, 'texts'>;

/** A municipality's settings as stored: the data, and `revision` counting admins' saves (0: as seeded from its file). */
export interface StoredMunicipality {
  data: MunicipalityData;
  revision: number;
  savedAt: string;
  savedBy: string;
}

/**
 * Municipalities as data (docs/data-model.md): seeded from `schemas/municipalities`, then the source of truth for
 * offered forms, routing, contact and walk-in. Every change is one conditional single-item write.
 */
export interface MunicipalityStore {
  /** Every stored municipality (one query). */
  list(): Promise<StoredMunicipality[]>;
  /** Stores a municipality that is not stored yet (the seed); false when it is. */
  create(municipality: StoredMunicipality): Promise<boolean>;
  /** Saves as revision `municipality.revision` if the stored one is still the revision before it; false otherwise. */
  save(municipality: StoredMunicipality): Promise<boolean>;
}

/** One monthly aggregate as stored: its cell and its counters (docs/data-model.md, "Reports"); never personal data. */
export interface Aggregate {
  municipality: string;
  month: string;
  service: string;
  lang: string;
  counts: Record<string, number>;
}

/**
 * Monthly aggregates that outlive the submissions they count. Each contribution is one conditional update that adds
 * its counts and remembers its marker, so a repeated write counts nothing.
 */
export interface ReportStore {
  /** Adds `counts` to the cell's aggregate unless `marker` was counted there; false when it was. */
  add(cell: Omit<Aggregate, 'counts'>, marker: string, counts: Record<string, number>): Promise<boolean>;
  /** A municipality's aggregates of the months `from` … `to` (`YYYY-MM`, inclusive). */
  list(municipality: string, from: string, to: string): Promise<Aggregate[]>;
  /** Deletes a municipality's aggregates of the months `from` … `to` (the rebuild); returns how many. */
  clear(municipality: string, from: string, to: string): Promise<number>;
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
  /** HMAC-SHA256 of `text` under `key`, base64url. */
  hmac(key: string, text: string): string;
  /** A random token, base64url, of `bytes` random bytes. */
  token(bytes: number): string;
}

/** People who may sign in. */
export interface StaffDirectory {
  get(email: string): Promise<StaffRecord | undefined>;
  /** Everyone, in email order: one query on a key, however many submissions the table holds. */
  list(): Promise<StaffRecord[]>;
  /**
   * Adds or changes a person. With `at`, someone not in the directory is recorded as there `since` then, so a
   * session from an earlier membership does not count; without it (a seed) nothing is recorded.
   */
  put(member: StaffMember, at?: string): Promise<void>;
  /**
   * Takes a person out of the directory and returns what was removed (undefined if not there). Their sessions
   * stop working at the next request, and stay ended if they are added again (see `StaffRecord.since`).
   */
  remove(email: string): Promise<StaffRecord | undefined>;
  /** Puts a removed person back as they were (their sessions count again), unless someone added them meanwhile. */
  restore(record: StaffRecord): Promise<boolean>;
}

export interface Session {
  idHash: string;
  email: string;
  createdAt: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** Sign-in tokens (single use) and sessions, both stored only as hashes. */
export interface AuthStore {
  /** Saves a sign-in token as the address's newest: every older unused token of the address stops counting. */
  saveLoginToken(tokenHash: string, email: string, expiresAt: number): Promise<void>;
  /**
   * Deletes the token and returns its email if it existed, had not expired and was still its address's newest; a
   * second call gets nothing.
   */
  consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined>;
  saveSession(session: Session): Promise<void>;
  getSession(idHash: string, now: Date): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;
}

/** Who read or changed what, kept as long as the submission it is about. */
export type { AuditEntry } from '../../../schemas/src/staff-contract.js';

/** An admin's change to a form, under the reference `form:<id>`: who did what when, never any answers. */
export type FormAuditEntry = Omit<AuditEntry, 'action'> & { action: 'create' | 'save' | 'publish' | 'rollback' };

/** An admin's change to the staff directory, under the reference `staff`: whose entry, which fields; never answers. */
export type StaffAuditEntry = Omit<AuditEntry, 'action'> & { action: 'add' | 'change' | 'remove' };

/** An admin's change to a municipality's settings, under the reference `municipality:<id>`: which fields changed. */
export type MunicipalityAuditEntry = Omit<AuditEntry, 'action'> & { action: 'save' };

export interface AuditLog {
  record(entry: AuditEntry | FormAuditEntry | StaffAuditEntry | MunicipalityAuditEntry): Promise<void>;
  /** A submission's entries whose retention has not ended at `now` (expired ones wait for deletion, unseen). */
  list(reference: string, now: Date): Promise<AuditEntry[]>;
  /** Deletes every entry under a reference (an erasure), expired or not; returns how many. */
  erase(reference: string): Promise<number>;
}
