import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { EMAIL } from './email.js';
import type { JsonSchema } from './types.js';

/** The ajv options used in the browser, on the server and by the lint: one behaviour everywhere. */
export const AJV_OPTIONS: Options = {
  strict: true,
  // Conditional rules name in `then.required` fields that the parent's `properties` defines.
  strictRequired: false,
  allErrors: true,
  $data: false,
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
  messages: false,
};

// Deliberately small formats (the full ajv-formats set is large and mostly unused here).
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export { isEmailAddress } from './email.js';

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The earliest birth date the forms accept: a year before it is a typing slip or another calendar's year. */
const EARLIEST_BIRTH = '1900-01-01';

/**
 * A date of birth: a real date, not before 1900 and not in the future. A Buddhist-era year (2528 for 1985) or a
 * date still to come is refused, so a slip is caught while the resident can still fix it. "Today" is taken where
 * the day is furthest ahead (UTC+14), so no resident's today is ever refused.
 */
function isBirthDate(value: string): boolean {
  const latest = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
  return isDate(value) && value >= EARLIEST_BIRTH && value <= latest;
}

/** A new ajv instance configured with the house options and formats. */
export function createAjv(): Ajv {
  const ajv = new Ajv(AJV_OPTIONS);
  ajv.addFormat('email', EMAIL);
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('birth-date', { type: 'string', validate: isBirthDate });
  return ajv;
}

/** Compiles a form schema with the house options; throws on a schema that is not strict-valid. */
export function compileSchema(schema: JsonSchema, ajv: Ajv = createAjv()): ValidateFunction {
  return ajv.compile(schema);
}
