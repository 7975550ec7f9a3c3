import type { SafeAnswer } from './staff-contract.js';

// The admins' view of submissions held as suspected spam (`GET /api/admin/spam`), shared by the server and the
// admin pages; imported by path, so resident pages never load it.

/** Why a submission was held: its honeypot field was filled, or it arrived sooner than a person fills a form. */
export type SpamReason = 'honeypot' | 'too_fast';

/** One held submission as admins see it: enough to judge it, the answers in Finnish words. */
export interface HeldSubmission {
  reference: string;
  form: string;
  municipality: string;
  lang: string;
  submittedAt: string;
  reason: SpamReason;
  /** Every answer on one line each, as the export shows it (admins judge free text too: links are spam's mark). */
  answers: SafeAnswer[];
}

/** `GET /api/admin/spam`: newest first, at most 100. */
export interface HeldSubmissions {
  items: HeldSubmission[];
}
