import type { ErrorObject } from 'ajv';
import { fill } from './i18n.js';
import type { FieldTexts } from './types.js';

/** One validation failure as the HTTP contract and the browser show it. */
export interface AnswerError {
  /** JSON pointer into the request body, e.g. `/answers/fullName`. */
  path: string;
  keyword: string;
  message: string;
}

/** Looks up a field's texts by its stable id (field ids are unique within a form). */
export type FieldLookup = (fieldId: string) => Pick<FieldTexts, 'label' | 'errors' | 'item'> | undefined;

/** Keywords whose failure another error already explains (an `if` failing repeats its `then`). */
const SILENT = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'not']);

function pointerOf(error: ErrorObject): string {
  const extra =
    error.keyword === 'required'
      ? `/${String(error.params['missingProperty'])}`
      : error.keyword === 'additionalProperties'
        ? `/${String(error.params['additionalProperty'])}`
        : '';
  return `/answers${error.instancePath}${extra}`;
}

/** The field id a pointer names: its last segment that is not an array index. */
export function fieldIdOf(path: string): string {
  const segments = path
    .split('/')
    .slice(2)
    .filter((s) => !/^\d+$/.test(s));
  return segments[segments.length - 1] ?? '';
}

/**
 * The label of the field a pointer names, led by the item it is in when inside a repeating group:
 * `/answers/children/1/childAge` reads "Lapsi 2: Lapsen ikä", so the resident knows which child is meant.
 */
function labelOf(path: string, lookup: FieldLookup, lang: string | undefined): string {
  const segments = path.split('/').slice(2);
  const field = fieldIdOf(path);
  const items = segments.flatMap((segment, i) => {
    const group = i > 0 && /^\d+$/.test(segment) ? lookup(segments[i - 1]!) : undefined;
    return group?.item ? [fill(group.item, { number: Number(segment) + 1 }, lang ?? 'en')] : [];
  });
  return [...items, lookup(field)?.label ?? field].join(': ');
}

/** The template for an error: the field's own text, else the keyword's; a wrong type on a number field asks for digits. */
function templateOf(error: ErrorObject, field: ReturnType<FieldLookup>, messages: Record<string, string>): string {
  const numeric = error.keyword === 'type' && (error.params['type'] === 'integer' || error.params['type'] === 'number');
  return (
    field?.errors?.[error.keyword] ??
    (numeric ? messages['integer'] : undefined) ??
    messages[error.keyword] ??
    messages['invalid'] ??
    error.keyword
  );
}

/**
 * Turns ajv errors into contract errors with messages in the resident's language, naming the field's label.
 * `messages` holds one template per ajv keyword (`errors.<keyword>` in the common texts) and `invalid` as the
 * fallback; a field may override a keyword's text. `lang` formats numbers with Intl.
 */
export function describeErrors(
  errors: readonly ErrorObject[],
  messages: Record<string, string>,
  lookup: FieldLookup,
  lang?: string,
): AnswerError[] {
  const seen = new Set<string>();
  const out: AnswerError[] = [];
  for (const error of errors) {
    if (SILENT.has(error.keyword)) continue;
    const path = pointerOf(error);
    const key = `${path} ${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = lookup(fieldIdOf(path));
    const template = templateOf(error, field, messages);
    const limit = error.params['limit'];
    const message = fill(
      template,
      { label: labelOf(path, lookup, lang), ...(typeof limit === 'number' || typeof limit === 'string' ? { limit } : {}) },
      lang ?? 'en',
    );
    out.push({ path, keyword: error.keyword, message });
  }
  return out;
}
