import type { Context } from 'hono';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../../schemas/src/index.js';

/** The contract's error body, `{"error": code, "message": text, ...fields}`, with the status the code is answered with. */
export function problem(c: Context, code: ErrorCode, message: string, extra: Omit<ErrorBody, 'error' | 'message'> = {}): Response {
  const body: ErrorBody = { error: code, message, ...extra };
  return c.json(body, ERROR_STATUS[code]);
}
