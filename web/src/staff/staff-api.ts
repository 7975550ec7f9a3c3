import { safeNextPath } from '../../../schemas/src/next-path.js';
import type {
  AdminFormsResponse,
  AuditTrail,
  BulkChange,
  BulkResult,
  ColleaguesResponse,
  InboxPage,
  Member,
  PatchResult,
  SearchPage,
  SubmissionDetail,
  SubmissionPatch,
} from '../../../schemas/src/staff-contract.js';
import type { Report } from '../../../schemas/src/report-contract.js';
import type { SubmissionStatus } from '../../../schemas/src/statuses.js';
import type { ServicesResponse } from '../api.js';

// The staff API's wire types are the kit's (schemas/src/staff-contract.ts), the ones the server answers with.
export type {
  AdminForm,
  AdminFormsResponse,
  AnswerView,
  AuditEntry,
  AuditTrail,
  BulkChange,
  BulkResult,
  Colleague,
  FormLanguages,
  HistoryEntry,
  InboxItem,
  InboxPage,
  Member,
  PatchResult,
  SafeAnswer,
  SubmissionDetail,
  SubmissionPatch,
} from '../../../schemas/src/staff-contract.js';
export { STATUSES } from '../../../schemas/src/statuses.js';
export type Status = SubmissionStatus;

/**
 * An answer of the API other than 2xx. The staff area has its own error classes rather than the resident
 * `api.ts` ones: sharing those classes made the bundler split React out of the resident entry chunk.
 */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole answer, for its extra fields (`problems` of a 422 `lint_failed`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request got no answer (offline, connection lost). */
export class StaffNetworkError extends Error {}

/** 409: someone changed the submission (or a form's draft: `stale_revision`) after it was loaded. */
export class ConflictError extends StaffApiError {
  constructor(
    readonly currentVersion: number | undefined,
    code = 'conflict',
    message = 'The submission was changed by someone else.',
  ) {
    super(409, code, message);
  }
}

/** True for an answer with this HTTP status. */
export const hasStatus = (error: unknown, status: number) => error instanceof StaffApiError && error.status === status;

/** Calls the staff or admin API: JSON in and out, the session cookie along, errors as `StaffApiError`s. */
export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    // Personal data: never kept in the HTTP cache. The session cookie goes along (same origin).
    response = await fetch(url, {
      cache: 'no-store',
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (e) {
    throw new StaffNetworkError((e as Error).message);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = typeof body['error'] === 'string' ? body['error'] : 'http_error';
  const message = typeof body['message'] === 'string' ? body['message'] : response.statusText;
  if (response.status === 409)
    throw new ConflictError(typeof body['currentVersion'] === 'number' ? body['currentVersion'] : undefined, code, message);
  if (!response.ok) throw new StaffApiError(response.status, code, message, body);
  return body as T;
}

// The browser adds the same-origin `Origin` header to these, which the server requires for every change.
export const send = <T>(method: string, url: string, body?: unknown) =>
  call<T>(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The signed-in member; 401 when nobody is. */
export const fetchMe = () => call<Member>('/api/auth/me');

/**
 * Asks for a sign-in link that leads on to `next` (the staff page the member was on, if safe); the answer is the
 * same whether or not the address has an account.
 */
export const requestSignInLink = (email: string, next?: string) => {
  const target = safeNextPath(next);
  return send<unknown>('POST', '/api/auth/login', target ? { email, next: target } : { email });
};

export const signOut = () => send<unknown>('POST', '/api/auth/logout');

/** One page of the inbox; `query` is made by `inboxApiQuery`. */
export const fetchInbox = (query: string) => call<InboxPage>(`/api/staff/submissions?${query}`);
/** Submissions found by a resident's name, phone number or email (never put into the page's own address). */
export const searchResidents = (q: string) => call<SearchPage>(`/api/staff/search?q=${encodeURIComponent(q)}`);

/** The forms a municipality offers, titles in Finnish, with the municipality's name. */
export const fetchFormsList = (municipality: string) =>
  call<ServicesResponse>(`/api/forms?${new URLSearchParams({ municipality, lang: 'fi' }).toString()}`);

export const fetchSubmission = (reference: string) => call<SubmissionDetail>(`/api/staff/submissions/${encodeURIComponent(reference)}`);

export const patchSubmission = (reference: string, patch: SubmissionPatch) =>
  send<PatchResult>('PATCH', `/api/staff/submissions/${encodeURIComponent(reference)}`, patch);

/** Rejects several submissions at once (`spam`: with the history saying so); the outcome of each, in order. */
export const bulkChange = (change: BulkChange) => send<BulkResult>('POST', '/api/staff/submissions/bulk', change);

/** Who the member may assign to: everyone sharing one of their municipalities, themselves included. */
export const fetchColleagues = () => call<ColleaguesResponse>('/api/staff/colleagues');

export const fetchAdminForms = () => call<AdminFormsResponse>('/api/admin/forms');

export const fetchAudit = (reference: string) => call<AuditTrail>(`/api/admin/audit/${encodeURIComponent(reference)}`);

/** The follow-up report (`schemas/src/report-contract.ts`); `search` is made by `reportSearch`. */
export const fetchReport = (search: string) => call<Report>(`/api/reports?${search}`);

/** The report's aggregates as a file: `csv` for programs, `csv-fi` for Finnish Excel (as the inbox export). */
export const reportCsvHref = (search: string, format: 'csv' | 'csv-fi') => `/api/reports.csv?${search}&format=${format}`;
