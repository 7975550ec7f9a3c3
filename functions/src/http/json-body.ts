import type { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createAjv } from '../../../schemas/src/index.js';
import { InvalidRequest } from '../domain/errors.js';
import { problem } from './problem.js';

/** Reads a JSON body: 415 for another content type, 400 `invalid_json` for text that is not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: problem(c, 'unsupported_media_type', 'Send the body as application/json.') };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: problem(c, 'invalid_json', 'The body is not valid JSON.') };
  }
}

const ajv = createAjv();
const compiled = new WeakMap<object, ValidateFunction>();

/** What is wrong with a body, in the words of the request's fields: `"formVersion" must be >= 1`. */
function shapeProblem(errors: readonly ErrorObject[]): string {
  const first = errors[0];
  if (!first) return 'The body does not have the expected shape.';
  const field = first.keyword === 'required' ? String(first.params['missingProperty']) : first.instancePath.slice(1).replaceAll('/', '.');
  const p = first.params as Record<string, unknown>;
  const what: Record<string, string> = {
    required: 'is required',
    type: `must be ${String(p['type'])}`,
    minimum: `must be >= ${String(p['limit'])}`,
    minLength: `must have at least ${String(p['limit'])} characters`,
    maxLength: `must have at most ${String(p['limit'])} characters`,
  };
  return `${field ? `"${field}"` : 'The body'} ${what[first.keyword] ?? 'is not valid'}.`;
}

/**
 * Reads a JSON body and checks it against the contract's schema for it (`schemas/src/public-contract.ts`): 415 and
 * 400 `invalid_json` as `readJson`, 400 `invalid_request` naming the field when the shape is wrong. What passes
 * is typed, so a use case never sees an `unknown` field.
 */
export async function readBody<T>(
  c: Context,
  schema: JSONSchemaType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(c);
  if (!body.ok) return body;
  const checked = checkShape(body.value, schema);
  if (!checked.ok) throw new InvalidRequest(checked.problem);
  return { ok: true, value: checked.value };
}

/** Checks a parsed value (a JSON body, a form post) against the contract's schema for it, compiled once. */
export function checkShape<T>(value: unknown, schema: JSONSchemaType<T>): { ok: true; value: T } | { ok: false; problem: string } {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate(value) ? { ok: true, value: value as T } : { ok: false, problem: shapeProblem(validate.errors ?? []) };
}

/** A required, non-empty string query parameter, or 400 `invalid_request`. */
export function requiredQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (!value) throw new InvalidRequest(`The query parameter "${name}" is required.`);
  return value;
}

/** Refuses a body larger than `bytes` with 413 `payload_too_large` before it is read. */
export function limitBody(bytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: bytes,
    onError: (c) => problem(c, 'payload_too_large', `The body is larger than ${Math.floor(bytes / 1024)} KiB.`),
  });
}
