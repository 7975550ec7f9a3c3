import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/**
 * Guards a read that writes an audit entry: Hono answers `HEAD` with the `GET` handler and drops the body, which
 * would audit a read nobody saw (a link checker, a monitor). `HEAD` there is 405 `method_not_allowed`, `Allow: GET`.
 */
export const auditedRead: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'HEAD') return next();
  c.header('Allow', 'GET');
  return problem(c, 'method_not_allowed', 'This read is audited: use GET.');
};
