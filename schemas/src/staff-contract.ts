import type { Lang } from './languages.js';
import type { ShownAnswer } from './show-answer.js';

// The shapes staff pages receive from the staff API: written once here, where the server's use cases and the web's
// staff area both read them (the web imports nothing from functions/).

/** One change to a submission, kept on the submission itself so change and history are one write. */
export interface HistoryEntry {
  at: string;
  /** Staff email, or `link:<mailbox>` for an emailed action link. */
  by: string;
  action: 'status' | 'assign' | 'note';
  from?: string | null;
  to?: string | null;
  note?: string;
}

/** One read or change of a submission by a person, for the audit trail. */
export interface AuditEntry {
  reference: string;
  at: string;
  actor: string;
  action: 'read' | 'update' | 'export';
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
}

/** For admins: a form's languages, each offered only when complete and reviewed once a native speaker has checked it. */
export interface FormLanguages {
  id: string;
  version: number;
  title: string;
  languages: { lang: Lang; reviewed: boolean; offered: boolean }[];
}
