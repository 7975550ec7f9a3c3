import { compileSchema } from './ajv-options.js';
import { conditionalRules } from './conditions.js';
import { REQUIRED_LANGUAGES, isLang, type Lang } from './languages.js';
import { placeholders } from './interpolate.js';
import { flattenTexts, missingKeys } from './texts.js';
import { PLURAL_SUFFIX } from './translate.js';
import type { FormDefinition, FormStep, FormTexts, JsonSchema } from './types.js';

type Problem = string;

/** Every property of a schema with its path, descending into nested objects and array items. */
function walk(schema: JsonSchema, path: string, visit: (schema: JsonSchema, path: string) => void): void {
  visit(schema, path);
  for (const [id, prop] of Object.entries(schema.properties ?? {})) walk(prop, `${path}/${id}`, visit);
  if (schema.items) walk(schema.items, `${path}/items`, visit);
}

/** Field ids of a form (properties at any depth; they must be unique to key their texts). */
export function fieldIds(schema: JsonSchema): string[] {
  const ids: string[] = [];
  walk(schema, '', (_s, path) => {
    const last = path.split('/').pop();
    if (path && last !== 'items') ids.push(last!);
  });
  return ids;
}

function schemaProblems(schema: JsonSchema): Problem[] {
  const problems: Problem[] = [];
  try {
    compileSchema(schema);
  } catch (e) {
    problems.push(`schema does not compile in strict mode: ${(e as Error).message}`);
  }
  if (JSON.stringify(schema).includes('"$data"')) problems.push('schema uses $data');
  for (const [i, rule] of (schema.allOf ?? []).entries()) {
    if (!rule.if || !rule.then || Object.keys(rule).some((k) => !['if', 'then'].includes(k))) problems.push(`/allOf/${i}: only if/then rules are allowed`);
  }
  walk(schema, '', (s, path) => {
    if (s.type === 'object' && s['additionalProperties'] !== false) problems.push(`${path || '/'}: object without additionalProperties: false`);
    if (s.type === 'string' && typeof s['maxLength'] !== 'number' && !s.enum) problems.push(`${path}: string without maxLength`);
    if (typeof s.title === 'string' || typeof s.description === 'string') problems.push(`${path}: display text in the schema; put it in texts`);
  });
  const ids = fieldIds(schema);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push(`field ids must be unique: ${[...new Set(dupes)].join(', ')}`);
  for (const rule of conditionalRules(schema)) {
    for (const [field, cond] of Object.entries(rule.when.properties ?? {})) {
      const keys = Object.keys(cond).filter((k) => k !== 'type');
      const simple = keys.length === 1 && ['const', 'enum', 'contains'].includes(keys[0]!);
      if (!simple) problems.push(`condition on ${field} must be one const, enum or contains`);
    }
    for (const field of rule.fields) if (schema.required?.includes(field)) problems.push(`${field} is both required and conditional`);
  }
  return problems;
}

/** The text keys a form needs, given its schema and steps: labels, option labels, step titles. */
function expectedKeys(form: FormDefinition): Set<string> {
  const keys = new Set(['title', 'description', 'consent.text']);
  walk(form.schema, '', (s, path) => {
    const id = path.split('/').pop()!;
    if (!path || id === 'items') return;
    keys.add(`fields.${id}.label`);
    const options = s.type === 'array' ? s.items?.enum : s.type === 'boolean' ? [true, false] : s.enum;
    if (options && !(s.type === 'boolean' && id === 'consent')) for (const o of options) keys.add(`fields.${id}.options.${String(o)}`);
  });
  for (const step of (form.uiSchema['ui:steps'] as FormStep[] | undefined) ?? []) keys.add(`steps.${step.id}`);
  return keys;
}

function textProblems(form: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const expected = expectedKeys(form);
  const optional = /^fields\.\w+\.(hint|errors\.\w+)$/;
  for (const lang of REQUIRED_LANGUAGES) {
    if (!form.meta.languages[lang]) problems.push(`${lang} is required but not offered`);
    if (!form.texts[lang]) problems.push(`texts in ${lang} are missing`);
  }
  for (const [lang, texts] of Object.entries(form.texts) as [Lang, FormTexts][]) {
    if (!isLang(lang)) problems.push(`texts in unknown language ${lang}`);
    const have = flattenTexts(texts);
    for (const key of expected) {
      const value = have.get(key);
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${lang}: missing or empty text ${key}`);
    }
    for (const key of have.keys()) if (!expected.has(key) && !optional.test(key)) problems.push(`${lang}: unused text ${key}`);
    if (lang !== 'fi') {
      for (const key of missingKeys(form.texts.fi, texts)) problems.push(`${lang}: missing or empty ${key}`);
      problems.push(...placeholderProblems(lang, form.texts.fi, texts));
    }
  }
  return problems;
}

/** Texts whose `{{placeholders}}` differ from the reference language's: a translation dropped or renamed one. */
export function placeholderProblems(lang: string, reference: unknown, candidate: unknown): Problem[] {
  const ref = flattenTexts(reference);
  const problems: Problem[] = [];
  for (const [key, value] of flattenTexts(candidate)) {
    // Plural forms compare with the reference's `_other`; a form like "one answer" may leave `{{count}}` out.
    const plural = PLURAL_SUFFIX.test(key);
    const original = plural ? ref.get(key.replace(PLURAL_SUFFIX, '_other')) : ref.get(key);
    if (typeof value !== 'string' || typeof original !== 'string') continue;
    const mismatch = plural
      ? placeholders(value).some((p) => !placeholders(original).includes(p)) || placeholders(original).some((p) => p !== 'count' && !placeholders(value).includes(p))
      : placeholders(value).join() !== placeholders(original).join();
    if (mismatch) {
      problems.push(`${lang}: ${key} has {{${placeholders(value).join('}}, {{')}}} where fi has {{${placeholders(original).join('}}, {{')}}}`);
    }
  }
  return problems;
}

function layoutProblems(form: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const top = Object.keys(form.schema.properties ?? {});
  const steps = (form.uiSchema['ui:steps'] as FormStep[] | undefined) ?? [];
  const placed = steps.flatMap((s) => s.fields);
  for (const field of top) if (steps.length && placed.filter((f) => f === field).length !== 1) problems.push(`field ${field} must be in exactly one step`);
  for (const field of placed) if (!top.includes(field)) problems.push(`step names unknown field ${field}`);
  for (const field of form.meta.emailSafeFields) {
    const s = form.schema.properties?.[field];
    const closed = s && (s.enum || s.type === 'boolean' || s.type === 'integer' || (s.type === 'array' && s.items?.enum));
    if (!closed) problems.push(`email-safe field ${field} must be a closed choice, never free text`);
  }
  if (!form.schema.properties?.['consent']) problems.push('form has no consent field');
  return problems;
}

/** Problems that keep a form from being published; empty when the form is sound. */
export function lintForm(form: FormDefinition): Problem[] {
  return [...schemaProblems(form.schema), ...textProblems(form), ...layoutProblems(form)].map((p) => `${form.id}: ${p}`);
}
