import type { JSONSchemaType } from 'ajv';
import type { Lang } from './languages.js';
import type { ShownAnswer } from './show-answer.js';
import { STATUSES, type SubmissionStatus } from './statuses.js';

// The shapes staff pages receive from the staff API: written once here, where the server's use cases and the web's
// staff area both read them (the web imports nothing from functions/).

/** One change to a submission, kept on the submission itself so change and history are one write. */
export interface HistoryEntry {
  at: string;
  /** Staff email (also for an emailed action link taken while signed in), or `link:<mailbox>` for one taken without. */
  by: string;
  action: 'status' | 'assign' | 'note' | 'correct';
  from?: string | null;
  to?: string | null;
  note?: string;
  /** `correct`: the answer an admin corrected (rectification); its id only, never the old or the new value. */
  field?: string;
  /**
   * `status` to `rejected`: staff marked the submission as spam (the inbox's bulk action). While it stays so, the
   * reports leave it out; a later status change (reopening it) puts it back.
   */
  spam?: true;
}

/** One read or change of a submission by a person, for the audit trail. */
export interface AuditEntry {
  reference: string;
  at: string;
  actor: string;
  /** `audit`: an admin read this submission's audit trail; `release`: an admin released held spam. */
  action: 'read' | 'update' | 'export' | 'search' | 'correct' | 'erase' | 'audit' | 'release';
  detail?: string;
  /** Epoch seconds: the submission's own expiry. */
  expiresAt: number;
}

/** One answer for staff: the Finnish label and answer beside what the resident saw, free text marked with its language. */
export interface AnswerView {
  field: string;
  label: string;
  residentLabel: string;
  value: unknown;
  /** The answer in Finnish words (option labels, dates, each child of a repeating group). */
  shown: ShownAnswer;
  /** The same on one line, as the export writes it. */
  display: string;
  residentDisplay: string;
  freeText: boolean;
  lang: string;
  /** The resident's phone number (`tel`) or an email address (`mailto`), which staff open as a link. */
  contact?: 'tel' | 'mailto';
}

/** For admins: a form's languages, each offered only when complete and reviewed once a native speaker has checked it. */
export interface FormLanguages {
  id: string;
  /** The current version, null until the first publish. */
  version: number | null;
  title: string;
  languages: { lang: Lang; reviewed: boolean; offered: boolean }[];
}

/** For admins: a form in the list of forms, its languages, whether its draft has unpublished changes, and who offers it. */
export interface AdminForm extends FormLanguages {
  /** The draft differs from the current version (or nothing is published yet). */
  draftDiffers: boolean;
  draftRevision: number;
  /** The municipalities that offer the form (their files in `schemas/municipalities` list it). */
  municipalities: string[];
}

/** The longest note staff may add to a submission. */
export const MAX_NOTE_LENGTH = 2000;

/** The signed-in staff member, as `GET /api/auth/me` answers. */
export interface Member {
  email: string;
  name: string;
  role: 'staff' | 'admin';
  municipalities: string[];
}

/** Someone a member may assign a submission to: shares one of their municipalities. */
export interface Colleague {
  email: string;
  name: string;
}

/** `GET /api/staff/colleagues`: by name. */
export interface ColleaguesResponse {
  colleagues: Colleague[];
}

/** Delivery state of the staff notification, kept on the submission and shown to staff as it is. */
export interface NotificationState {
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** When the next attempt is due (ISO time); absent once sent or given up. */
  dueAt?: string;
  lastError?: string;
  sentAt?: string;
  /** Mailboxes already mailed (and `resident` once confirmed), so a retry after a partial failure mails only the rest. */
  sentTo?: string[];
}

/** A submission as the inbox lists it: no answers. */
export interface InboxItem {
  reference: string;
  form: string;
  municipality: string;
  status: SubmissionStatus;
  lang: string;
  submittedAt: string;
  assignee: string | null;
  notification: NotificationState['state'];
  /** The answers the form lets the staff mail show (`meta.emailSafeFields`, closed choices only), in Finnish words. */
  safeAnswers: SafeAnswer[];
  /** How many identical submissions (same form, answers and client within minutes) this case stands for; absent: one. */
  identical?: number;
}

/** One email-safe answer: its Finnish label and the answer on one line, as the staff mail shows it. */
export interface SafeAnswer {
  field: string;
  label: string;
  display: string;
}

/** `GET /api/staff/submissions`: one page, newest first; `cursor` asks for the next. */
export interface InboxPage {
  items: InboxItem[];
  cursor?: string;
}

/** `GET /api/staff/search?q=`: the caller's submissions found by name, phone number or email, newest first. */
export interface SearchPage {
  /** How the query was read. */
  kind: 'name' | 'phone' | 'email';
  items: InboxItem[];
}

/** `GET /api/staff/submissions/R`: the submission with its answers for staff; the read is audited. */
export interface SubmissionDetail extends InboxItem {
  formTitle: string;
  formVersion: number;
  version: number;
  consentVersion: string;
  notificationState: NotificationState;
  answers: AnswerView[];
  history: HistoryEntry[];
}

/** `PATCH /api/staff/submissions/R`: a change decided on `expectedVersion`; a null assignee unassigns. */
export interface SubmissionPatch {
  status?: SubmissionStatus;
  assignee?: string | null;
  note?: string;
  expectedVersion: number;
  /** With `status: "done"` only: send the resident a personal single-use feedback link. */
  requestFeedback?: boolean;
}

export const SUBMISSION_PATCH: JSONSchemaType<SubmissionPatch> = {
  type: 'object',
  required: ['expectedVersion'],
  properties: {
    status: { type: 'string', enum: [...STATUSES], nullable: true },
    assignee: { type: 'string', maxLength: 254, nullable: true },
    note: { type: 'string', minLength: 1, maxLength: MAX_NOTE_LENGTH, nullable: true },
    expectedVersion: { type: 'integer', minimum: 0 },
    requestFeedback: { type: 'boolean', nullable: true },
  },
};

/** The most submissions one bulk change takes (a page of the inbox). */
export const MAX_BULK = 50;

/**
 * `POST /api/staff/submissions/bulk`: one decision for several submissions at once, such as a burst of identical
 * submissions: `reject` them, or `spam` (rejected, with the history saying it was spam). Each change is audited.
 */
export interface BulkChange {
  references: string[];
  action: 'reject' | 'spam';
}

export const BULK_CHANGE: JSONSchemaType<BulkChange> = {
  type: 'object',
  required: ['references', 'action'],
  properties: {
    references: { type: 'array', minItems: 1, maxItems: MAX_BULK, uniqueItems: true, items: { type: 'string', maxLength: 20 } },
    action: { type: 'string', enum: ['reject', 'spam'] },
  },
};

/** 200 to a bulk change: what became of each submission, in the order asked. */
export interface BulkResult {
  results: { reference: string; outcome: 'changed' | 'unchanged' | 'not_found' | 'conflict'; version?: number }[];
}

/** 200 to a change. */
export interface PatchResult {
  reference: string;
  status: SubmissionStatus;
  assignee: string | null;
  version: number;
  history: HistoryEntry[];
  /** Present when the change asked for feedback: how the resident was asked (`none`: no address or phone to use). */
  feedbackRequest?: 'email' | 'sms' | 'none' | 'failed';
}

/** `GET /api/admin/audit/R`. */
export interface AuditTrail {
  reference: string;
  entries: AuditEntry[];
  history: HistoryEntry[];
}

/** `GET /api/admin/forms`: each form's languages, and the review state of the texts every form shares. */
export interface AdminFormsResponse {
  forms: AdminForm[];
  sharedTexts: Pick<FormLanguages, 'languages'>;
}
