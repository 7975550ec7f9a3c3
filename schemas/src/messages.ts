import type { ErrorObject } from 'ajv';
import { interpolate } from './interpolate.js';
import type { FieldTexts } from './types.js';

/** One validation failure as the HTTP contract and the browser show it. */
export interface AnswerError {
  /** JSON pointer into the request body, e.g. `/answers/fullName`. */
  path: string;
  keyword: string;
  message: string;
}

/** Looks up a field's texts by its stable id (field ids are unique within a form). */
export type FieldLookup = (fieldId: string) => Pick<FieldTexts, 'label' | 'errors'> | undefined;

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
  const segments = path.split('/').slice(2).filter((s) => !/^\d+$/.test(s));
  return segments[segments.length - 1] ?? '';
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
  // Limits read as the resident reads numbers (Arabic-Indic digits in Arabic), without grouping: 1900, not 1 900.
  const number = new Intl.NumberFormat(lang, { useGrouping: false });
  const seen = new Set<string>();
  const out: AnswerError[] = [];
  for (const error of errors) {
    if (SILENT.has(error.keyword)) continue;
    const path = pointerOf(error);
    const key = `${path} ${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = lookup(fieldIdOf(path));
    const template = field?.errors?.[error.keyword] ?? messages[error.keyword] ?? messages['invalid'] ?? error.keyword;
    const limit = error.params['limit'];
    const message = interpolate(template, {
      label: field?.label ?? fieldIdOf(path),
      ...(typeof limit === 'number' ? { limit: number.format(limit) } : typeof limit === 'string' ? { limit } : {}),
    });
    out.push({ path, keyword: error.keyword, message });
  }
  return out;
}
