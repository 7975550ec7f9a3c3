import type { ErrorObject } from 'ajv';

/**
 * Characters no answer, name or address may carry: C0 and C1 controls (tab, line feed and carriage return aside,
 * which long text needs), the bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069 (an RLO makes a
 * name show to staff as another), and lone surrogates (not text at all).
 */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds a character `UNSAFE` names. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Every string in `value` (answers: objects, lists, strings) that holds an unsafe character, as ajv-shaped errors
 * with the keyword `characters`, so `describeErrors` words them in the resident's language like any other.
 */
export function unsafeTextErrors(value: unknown, instancePath = ''): ErrorObject[] {
  if (typeof value === 'string')
    return hasUnsafeCharacters(value) ? [{ keyword: 'characters', instancePath, schemaPath: '#/characters', params: {} }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextErrors(item, `${instancePath}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      unsafeTextErrors(item, `${instancePath}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
    );
  return [];
}
