import type { Context } from 'hono';
import { InvalidRequest } from '../domain/errors.js';
import { problem } from './problem.js';

/** Reads a JSON body: 415 for another content type, 400 `invalid_json` for text that is not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: problem(c, 415, 'unsupported_media_type', 'Send the body as application/json.') };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: problem(c, 400, 'invalid_json', 'The body is not valid JSON.') };
  }
}

/** A plain JSON object (not an array or null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required, non-empty string query parameter, or 400 `invalid_request`. */
export function requiredQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (!value) throw new InvalidRequest(`The query parameter "${name}" is required.`);
  return value;
}
