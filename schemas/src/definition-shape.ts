import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import definitionSchema from '../definition.schema.json' with { type: 'json' };
import municipalitySchema from '../municipality.schema.json' with { type: 'json' };
import { LANGUAGES } from './languages.js';
import { errorAt, pointer, type FormProblem } from './problems.js';

/**
 * Limits on a form definition as data, so that an untrusted one cannot make the lint, the server or a resident's
 * browser work without end. The largest form today (registration, in ten languages) is about 116 KiB of JSON with
 * 34 questions nested 2 deep; DynamoDB keeps at most 400 KB in one item.
 */
export const DEFINITION_LIMITS = {
  /** Serialized JSON, UTF-8 bytes. */
  bytes: 256 * 1024,
  /** Objects and arrays within each other anywhere in the definition. */
  depth: 32,
  /** Questions within questions: each `properties` or `items` step in the answer schema is one level. */
  fieldDepth: 8,
  /** Questions in all, at every depth. */
  fields: 100,
} as const;

let validators: { definition: ValidateFunction; municipality: ValidateFunction } | undefined;

/** The two format schemas, compiled once when first needed. */
function shapeValidators(): { definition: ValidateFunction; municipality: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv({ strict: true, allErrors: true, verbose: true });
    validators = { definition: ajv.compile(definitionSchema), municipality: ajv.compile(municipalitySchema) };
  }
  return validators;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
  null: 'null',
};

const LANGUAGE_PLACES = ['/texts', '/meta/languages'];

/** One ajv error as a problem at the place it names; undefined for errors another one already says. */
function shapeProblem(e: ErrorObject, what: string): FormProblem | undefined {
  // Errors inside `propertyNames` repeat the `propertyNames` error itself.
  if (e.propertyName !== undefined) return undefined;
  const parent = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string };
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params['missingProperty']);
      return errorAt(`${e.instancePath}${pointer(missing)}`, 'definition_shape', `'${missing}' is missing here.`);
    }
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      const known = Object.keys(parent.properties ?? {});
      const list = known.length ? ` (only ${known.join(', ')})` : '';
      const where = e.instancePath ? 'here' : `in ${what}`;
      return errorAt(`${e.instancePath}${pointer(key)}`, 'definition_shape', `'${key}' is not a known key ${where}${list}.`);
    }
    case 'propertyNames': {
      const name = String(e.params['propertyName']);
      const path = `${e.instancePath}${pointer(name)}`;
      if (LANGUAGE_PLACES.includes(e.instancePath))
        return errorAt(
          path,
          'unknown_language',
          `'${name}' is not a language of the service (${LANGUAGES.map((l) => l.code).join(', ')}).`,
        );
      return errorAt(path, 'definition_shape', `'${name}' is not a valid id here (lowercase letters, digits and hyphens).`);
    }
    default:
      return errorAt(e.instancePath, 'definition_shape', `${valueProblem(e)}${parent.description ? ` ${parent.description}` : ''}`);
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What is wrong with a value, in a sentence. */
function valueProblem(e: ErrorObject): string {
  const limit = Number(e.params['limit']);
  switch (e.keyword) {
    case 'type':
      return `This must be ${TYPE_WORDS[String(e.params['type'])] ?? String(e.params['type'])}.`;
    case 'const':
      return `This must be ${JSON.stringify(e.params['allowedValue'])}.`;
    case 'enum':
      return `This must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'pattern':
      return 'This does not have the expected form.';
    case 'minLength':
      return limit === 1 ? 'This must not be empty.' : `This needs at least ${count(limit, 'character', 'characters')}.`;
    case 'maxLength':
      return `This may have at most ${count(limit, 'character', 'characters')}.`;
    case 'minItems':
    case 'minProperties':
      return `This needs at least ${count(limit, 'entry', 'entries')}.`;
    case 'maxItems':
    case 'maxProperties':
      return `This may have at most ${count(limit, 'entry', 'entries')}.`;
    case 'minimum':
      return `This must be at least ${limit}.`;
    case 'maximum':
      return `This must be at most ${limit}.`;
    case 'uniqueItems':
      return `This list has the same entry twice (entries ${Number(e.params['j'])} and ${Number(e.params['i'])}).`;
    default:
      return `This ${e.message ?? 'is not valid'}.`;
  }
}

function shapeProblems(validate: ValidateFunction, data: unknown, what: string): FormProblem[] {
  if (validate(data)) return [];
  const problems = (validate.errors ?? []).flatMap((e) => shapeProblem(e, what) ?? []);
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path} ${p.message}`) && seen.add(`${p.path} ${p.message}`));
}

/** How deeply objects and arrays nest in `value`, counted without recursion; stops counting past `limit`. */
function nesting(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth + 1);
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}

/** The UTF-8 length of a string in bytes. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The checks of a form definition as untrusted data of unknown shape: its nesting, its size, and its shape
 * (`schemas/definition.schema.json`). Empty when the data has the shape of a `FormDefinition`; `lintForm` runs these
 * first and stops at them, so it may be given any parsed JSON.
 */
export function definitionProblems(data: unknown): FormProblem[] {
  const depth = nesting(data, DEFINITION_LIMITS.depth);
  if (depth > DEFINITION_LIMITS.depth)
    return [errorAt('', 'definition_too_deep', `The definition nests objects and lists more than ${DEFINITION_LIMITS.depth} levels deep.`)];
  const bytes = utf8Bytes(JSON.stringify(data) ?? '');
  if (bytes > DEFINITION_LIMITS.bytes)
    return [
      errorAt(
        '',
        'definition_too_large',
        `The definition is ${Math.ceil(bytes / 1024)} KiB; at most ${DEFINITION_LIMITS.bytes / 1024} KiB is allowed. Split the form or shorten its texts.`,
      ),
    ];
  return shapeProblems(shapeValidators().definition, data, 'a form definition');
}

/**
 * A municipality file (`schemas/municipalities/<id>.json`, without its texts) against
 * `schemas/municipality.schema.json`; `lintMunicipality` checks the rest.
 */
export function municipalityShapeProblems(data: unknown): FormProblem[] {
  return shapeProblems(shapeValidators().municipality, data, 'a municipality file');
}
