import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  Unauthorized,
  IdempotencyKeyReused,
  InvalidAnswers,
  InvalidAssignee,
  InvalidCursor,
  InvalidRequest,
  RateLimited,
  StoreUnavailable,
  UnknownForm,
  UnknownMunicipality,
  UnsupportedLanguage,
} from '../domain/errors.js';
import type { AppDeps, Env } from './deps.js';
import { problem } from './problem.js';

const STATUS = new Map<Function, ContentfulStatusCode>([
  [UnknownForm, 404],
  [UnknownMunicipality, 404],
  [InvalidRequest, 400],
  [InvalidCursor, 400],
  [InvalidAssignee, 400],
  [UnsupportedLanguage, 400],
  [InvalidAnswers, 400],
  [IdempotencyKeyReused, 422],
  [RateLimited, 429],
  [StoreUnavailable, 503],
  [Unauthorized, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
]);

/** Maps domain errors to the contract's statuses; anything else is a generic 500 with no internals. */
export function onError(deps: Pick<AppDeps, 'log'>) {
  return (error: Error, c: Context<Env>): Response => {
    if (error instanceof DomainError) {
      const status = STATUS.get(error.constructor) ?? 400;
      if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof StoreUnavailable) {
        c.header('Retry-After', '5');
        deps.log({ level: 'warn', msg: 'store unavailable', requestId: c.get('requestId'), cause: String((error.cause as Error)?.name ?? error.cause) });
      }
      const extra =
        error instanceof InvalidAnswers ? { errors: error.errors } : error instanceof Conflict ? { currentVersion: error.currentVersion } : {};
      return problem(c, status, error.code, error.message, extra);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problem(c, error.status as ContentfulStatusCode, 'bad_request', error.message || 'Bad request.');
    }
    deps.log({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), name: error.name, stack: error.stack });
    return problem(c, 500, 'internal', 'Something went wrong on our side. Please try again later.');
  };
}
