import {
  ERROR_STATUS,
  type AnswerError,
  type ErrorBody,
  type ErrorCode,
  type ErrorStatus,
  type FormProblem,
} from '../../../schemas/src/index.js';

/**
 * A failure the caller can act on; `code` is the stable error code of the HTTP contract, and the contract's table
 * gives its status, so a new error class cannot answer with a status nobody chose.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }

  /** Fields the error body carries besides its code and message. */
  get fields(): Omit<ErrorBody, 'error' | 'message'> {
    return {};
  }
}

export class UnknownForm extends DomainError {
  readonly code = 'unknown_form';
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown_municipality';
}

/** A feedback link that was never issued, is used up or has expired: all the same to the caller. */
export class UnknownInvite extends DomainError {
  readonly code = 'invite_not_found';
}

/** The request is well-formed JSON but not the shape the endpoint takes. */
export class InvalidRequest extends DomainError {
  readonly code = 'invalid_request';
}

/** A page cursor that does not fit this query: forged, tampered, or for other municipalities or another age filter. */
export class InvalidCursor extends DomainError {
  readonly code = 'invalid_cursor';
}

/** An assignee who cannot work on the submission: not a member with access to it, nor one of its mailboxes. */
export class InvalidAssignee extends DomainError {
  readonly code = 'invalid_assignee';
}

export class UnsupportedLanguage extends DomainError {
  readonly code = 'unsupported_language';
}

export class InvalidAnswers extends DomainError {
  readonly code = 'invalid_answers';
  constructor(
    message: string,
    readonly errors: AnswerError[],
    /** True when there were more errors than `errors` lists. */
    readonly truncated = false,
  ) {
    super(message);
  }

  override get fields() {
    return this.truncated ? { errors: this.errors, truncated: true } : { errors: this.errors };
  }
}

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency_key_reused';
}

export class RateLimited extends DomainError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests. Try again later.');
  }
}

/** Storage cannot be reached or is throttling; nothing was written. */
export class StoreUnavailable extends DomainError {
  readonly code = 'unavailable';
  constructor(cause?: unknown) {
    super('The service is temporarily unavailable. Try again shortly.', { cause });
  }
}

/** Not signed in, or the session or token is invalid or expired. */
export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** A submission that does not exist or that the caller may not see (the two are not told apart). */
export class NotFound extends DomainError {
  readonly code = 'not_found';
}

/** An error whose body says which version is current now, so the caller can catch up. */
abstract class BehindCurrentVersion extends DomainError {
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }

  override get fields() {
    return { currentVersion: this.currentVersion };
  }
}

/** The submission (or form) changed since the caller read it (optimistic locking). */
export class Conflict extends BehindCurrentVersion {
  readonly code = 'conflict';
}

/** Another admin saved the draft since the caller read it; nothing was overwritten. */
export class StaleRevision extends DomainError {
  readonly code = 'stale_revision';
  constructor(
    message: string,
    readonly revision: number,
  ) {
    super(message);
  }

  override get fields() {
    return { revision: this.revision };
  }
}

/** A form version replaced longer ago than the grace period: the resident's page must load the current one. */
export class FormVersionRetired extends BehindCurrentVersion {
  readonly code = 'form_version_retired';
}

/** A form with this id exists already. */
export class FormExists extends DomainError {
  readonly code = 'form_exists';
}

/** Publishing would make a version equal to the current one. */
export class NoChanges extends DomainError {
  readonly code = 'no_changes';
}

/** The definition has problems of severity `error`; nothing was published. */
export class LintFailed extends DomainError {
  readonly code = 'lint_failed';
  constructor(readonly problems: FormProblem[]) {
    super(`The form has ${problems.length} problem(s) to fix before it can be published.`);
  }

  override get fields() {
    return { problems: this.problems };
  }
}

/** The change would leave nobody with the admin role: the last admin is neither removed nor made staff. */
export class LastAdmin extends DomainError {
  readonly code = 'last_admin';
}
