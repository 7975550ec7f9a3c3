import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, RateLimited, StoreUnavailable } from '../domain/errors.js';
import type { AppDeps, Env } from './deps.js';
import { problem } from './problem.js';

/** Answers a domain error with its code and status; anything else is a generic 500 with no internals. */
export function onError(deps: Pick<AppDeps, 'log'>) {
  return (error: Error, c: Context<Env>): Response => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof StoreUnavailable) {
        c.header('Retry-After', '5');
        deps.log({
          level: 'warn',
          msg: 'store unavailable',
          requestId: c.get('requestId'),
          cause: String((error.cause as Error)?.name ?? error.cause),
        });
      }
      return problem(c, error.code, error.message, error.fields);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problem(c, 'bad_request', error.message || 'Bad request.');
    }
    deps.log({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), name: error.name, stack: error.stack });
    return problem(c, 'internal', 'Something went wrong on our side. Please try again later.');
  };
}
