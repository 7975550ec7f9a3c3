import type { FormProblem } from './problems.js';
import type { AnswerError } from './messages.js';

/**
 * Every error code of the HTTP contract with the status it is answered with (docs/http-contract.md): the one list
 * the server's errors take their status from and the web's `ApiError` types its code with.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  invalid_request: 400,
  invalid_answers: 400,
  invalid_cursor: 400,
  invalid_assignee: 400,
  unsupported_language: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_form: 404,
  unknown_municipality: 404,
  invite_not_found: 404,
  conflict: 409,
  stale_revision: 409,
  form_exists: 409,
  no_changes: 409,
  form_version_retired: 409,
  last_admin: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  lint_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** The body of every answer other than 2xx. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** 400 `invalid_answers`: each answer's problem, messages in the resident's language. */
  errors?: AnswerError[];
  /** 400 `invalid_answers`: true when there were more problems than the first 100 that `errors` lists. */
  truncated?: boolean;
  /** 409 `conflict`: the submission's (or form's) version now; 409 `form_version_retired`: the form's current version. */
  currentVersion?: number;
  /** 409 `stale_revision`: the draft's revision now. */
  revision?: number;
  /** 422 `lint_failed`: what keeps the form from being published. */
  problems?: FormProblem[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}
