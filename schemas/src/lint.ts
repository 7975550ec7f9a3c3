import { compileSchema } from './ajv-options.js';
import { conditionalRules } from './conditions.js';
import { REQUIRED_LANGUAGES, isLang, type Lang } from './languages.js';
import { placeholders } from './i18n.js';
import { FIELD_KEYWORDS, FORMATS, ROOT_KEYWORDS, UI_KEYS, UI_OPTIONS, WIDGETS, fieldKind } from './supported.js';
import { PLURAL_SUFFIX, flattenTexts, missingKeys } from './texts.js';
import type { FormDefinition, FormStep, FormTexts, JsonSchema, UiSchema } from './types.js';

type Problem = string;

/** The one field whose text is the consent text (`consent.text`), so it has no hint of its own. */
const CONSENT = 'consent';

/** The fields of a schema with their paths: properties at any depth, through array items. */
function walkFields(schema: JsonSchema, path: string, visit: (schema: JsonSchema, path: string) => void): void {
  visit(schema, path);
  for (const [id, prop] of Object.entries(schema.properties ?? {})) walkFields(prop, `${path}/${id}`, visit);
  if (schema.items) walkFields(schema.items, `${path}/items`, visit);
}

/**
 * Every subschema with its path: fields, array items, and the branches of allOf/anyOf/oneOf and if/then/else,
 * where a string or object would otherwise escape the checks. `condition` is true inside an `if` or `not`,
 * which only test answers and accept none.
 */
function walkSchema(
  schema: JsonSchema,
  path: string,
  visit: (schema: JsonSchema, path: string, condition: boolean) => void,
  condition = false,
): void {
  visit(schema, path, condition);
  for (const [id, prop] of Object.entries(schema.properties ?? {})) walkSchema(prop, `${path}/${id}`, visit, condition);
  if (schema.items) walkSchema(schema.items, `${path}/items`, visit, condition);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) branches.forEach((b: JsonSchema, i) => walkSchema(b, `${path}/${keyword}/${i}`, visit, condition));
  }
  for (const keyword of ['if', 'not', 'then', 'else'] as const) {
    const branch = schema[keyword] as JsonSchema | undefined;
    if (branch) walkSchema(branch, `${path}/${keyword}`, visit, condition || keyword === 'if' || keyword === 'not');
  }
}

/** Field ids of a form (properties at any depth; they must be unique to key their texts). */
export function fieldIds(schema: JsonSchema): string[] {
  const ids: string[] = [];
  walkFields(schema, '', (_s, path) => {
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
    if (!rule.if || !rule.then || Object.keys(rule).some((k) => !['if', 'then'].includes(k)))
      problems.push(`/allOf/${i}: only if/then rules are allowed`);
    else problems.push(...thenProblems(rule.then, `/allOf/${i}/then`));
  }
  problems.push(...supportProblems(schema));
  walkSchema(schema, '', (s, path, condition) => {
    // A condition accepts no data, and closing its object would make it fail whenever another field is answered.
    if (!condition && s.type === 'object' && s['additionalProperties'] !== false)
      problems.push(`${path || '/'}: object without additionalProperties: false`);
    if (!condition && s.type === 'string' && typeof s['maxLength'] !== 'number' && !s.enum && !('const' in s))
      problems.push(`${path}: string without maxLength`);
    if (typeof s.title === 'string' || typeof s.description === 'string')
      problems.push(`${path || '/'}: display text in the schema; put it in texts`);
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
    for (const field of rule.optional) {
      if (!schema.properties?.[field]) problems.push(`condition shows ${field}, which the form does not ask`);
      if (schema.required?.includes(field)) problems.push(`${field} is both required and conditional`);
    }
  }
  return problems;
}

/** A rule's `then` only requires questions (`required`) or shows optional ones (`properties` of `true`). */
function thenProblems(then: JsonSchema, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(then))
    if (key !== 'required' && key !== 'properties')
      problems.push(`${path}: ${key} is not allowed; a rule only requires (required) or shows (properties: true) questions`);
  for (const [field, shown] of Object.entries(then.properties ?? {})) {
    if ((shown as unknown) !== true)
      problems.push(`${path}/${field}: a rule shows a question with true; its schema belongs in the form's properties`);
  }
  return problems;
}

/** Schema shapes, keywords and formats the form page cannot render (`supported.ts`). */
function supportProblems(schema: JsonSchema): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(schema)) if (!ROOT_KEYWORDS.includes(key)) problems.push(`/: ${key} is not supported at the top of a form`);
  walkFields(schema, '', (s, path) => {
    if (!path) return;
    if (typeof s !== 'object' || s === null) return void problems.push(`${path}: not a question the form page can show`);
    for (const key of Object.keys(s)) if (!FIELD_KEYWORDS.includes(key)) problems.push(`${path}: ${key} is not supported in a question`);
    const kind = fieldKind(s);
    if (!kind)
      problems.push(`${path}: not a question the form page can show (text, number, choice, yes/no, several choices or a repeating group)`);
    if ('format' in s && (kind !== 'text' || !FORMATS.includes(s['format'] as string))) {
      problems.push(`${path}: format ${JSON.stringify(s['format'])} is not supported (only ${FORMATS.join(', ')}, on text)`);
    }
  });
  return problems;
}

/** uiSchema keys, widgets and options the form page does not carry or that do not suit the question. */
function uiProblems(form: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const asObject = (ui: unknown): UiSchema | undefined =>
    ui && typeof ui === 'object' && !Array.isArray(ui) ? (ui as UiSchema) : undefined;
  const fields = (schema: JsonSchema, ui: UiSchema, path: string, allowed: string[]) => {
    for (const [key, value] of Object.entries(ui)) {
      if (allowed.includes(key)) continue;
      const prop = schema.properties?.[key];
      if (prop) field(prop, value, `${path}/${key}`);
      else problems.push(`uiSchema ${path || '/'}: ${key} is neither a question of the form nor a supported key`);
    }
  };
  const field = (schema: JsonSchema, rawUi: unknown, path: string) => {
    const ui = asObject(rawUi);
    if (!ui) return void problems.push(`uiSchema ${path}: must be an object`);
    const kind = fieldKind(schema);
    if (kind === 'object') return fields(schema, ui, path, []);
    for (const [key, value] of Object.entries(ui)) {
      if (key === 'ui:widget') {
        const widgets = kind ? WIDGETS[kind] : [];
        if (!widgets.includes(value as string)) {
          problems.push(
            `uiSchema ${path}: widget ${JSON.stringify(value)} is not supported for this question (${widgets.length ? `only ${widgets.join(', ')}` : 'none'})`,
          );
        }
      } else if (key === 'ui:options') {
        for (const [option, setting] of Object.entries(asObject(value) ?? { '': value })) {
          const expected = UI_OPTIONS[option];
          const ok = Array.isArray(expected) ? expected.includes(setting as string) : expected !== undefined && typeof setting === expected;
          if (!ok) problems.push(`uiSchema ${path}: ui:options${option ? `.${option}` : ''} ${JSON.stringify(setting)} is not supported`);
        }
      } else if (key === 'ui:autocomplete') {
        if (typeof value !== 'string') problems.push(`uiSchema ${path}: ui:autocomplete must be a string`);
      } else if (key === 'items' && kind === 'group') {
        const items = asObject(value);
        if (items) fields(schema.items!, items, `${path}/items`, []);
        else problems.push(`uiSchema ${path}/items: must be an object`);
      } else {
        problems.push(`uiSchema ${path}: ${key} is not supported (only ${UI_KEYS.join(', ')}${kind === 'group' ? ', items' : ''})`);
      }
    }
  };
  fields(form.schema, form.uiSchema, '', ['ui:steps']);
  return problems;
}

/** ajv keywords that can fail on a field's value, so a field may give one of them its own error text. */
const FAILING = [
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
];

/** Fields named in a `required` list anywhere but in a condition: a missing one fails `required` on its own path. */
function requiredFields(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  walkSchema(schema, '', (s, _path, condition) => {
    if (!condition) for (const field of s.required ?? []) out.add(field);
  });
  return out;
}

/** The keywords whose error texts a field may override: those its schema (or its items') can fail on. */
function errorKeywords(s: JsonSchema, required: boolean): Set<string> {
  const own = Object.keys(s).filter((k) => FAILING.includes(k));
  // An item's failure (an option outside the list) carries the array's path, hence its field's texts.
  const items = s.items ? Object.keys(s.items).filter((k) => FAILING.includes(k)) : [];
  return new Set([...own, ...items, ...(required ? ['required'] : [])]);
}

/** The text keys a form needs (labels, hints, option labels, step titles) and the error keys each field allows. */
function textKeys(form: FormDefinition): { expected: Set<string>; errors: Map<string, Set<string>> } {
  const expected = new Set(['title', 'description', 'next', 'consent.text']);
  const errors = new Map<string, Set<string>>();
  const required = requiredFields(form.schema);
  walkFields(form.schema, '', (s, path) => {
    const id = path.split('/').pop()!;
    if (!path || id === 'items') return;
    expected.add(`fields.${id}.label`);
    // Every answer gets a plain-language hint (residents with little schooling read them); consent has its text.
    if (id !== CONSENT) expected.add(`fields.${id}.hint`);
    const options = s.type === 'array' ? s.items?.enum : s.type === 'boolean' ? [true, false] : s.enum;
    if (options && !(s.type === 'boolean' && id === CONSENT)) for (const o of options) expected.add(`fields.${id}.options.${String(o)}`);
    // A repeating group names its items and its buttons in every language: "Lapsi 2", "Lisää lapsi", "Poista lapsi 2".
    if (s.type === 'array' && s.items?.type === 'object') for (const key of ['item', 'add', 'remove']) expected.add(`fields.${id}.${key}`);
    errors.set(id, errorKeywords(s, required.has(id)));
  });
  for (const step of (form.uiSchema['ui:steps'] as FormStep[] | undefined) ?? []) expected.add(`steps.${step.id}`);
  return { expected, errors };
}

/** Why a text key the form does not need is there: no such field, no such rule to fail, or no use at all. */
function unexpectedKey(lang: string, key: string, errors: Map<string, Set<string>>): Problem {
  const [, id, rest] = /^fields\.([^.]+)\.(.+)$/.exec(key) ?? [];
  const rules = id === undefined ? undefined : errors.get(id);
  if (id !== undefined && !rules) return `${lang}: unused text ${key}: the form has no field ${id}`;
  const keyword = rest?.match(/^errors\.(\w+)$/)?.[1];
  if (rules && keyword) return `${lang}: unused text ${key}: ${id} has no rule ${keyword} (only ${[...rules].join(', ')})`;
  return `${lang}: unused text ${key}`;
}

function textProblems(form: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const { expected, errors } = textKeys(form);
  const reference = flattenTexts(form.texts.fi);
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
    for (const key of have.keys()) {
      if (expected.has(key)) continue;
      const [, id, keyword] = /^fields\.([^.]+)\.errors\.(\w+)$/.exec(key) ?? [];
      if (!id || !errors.get(id)?.has(keyword!)) problems.push(unexpectedKey(lang, key, errors));
      // A field's own error text that fi lacks is one no reviewer has read in the reference language.
      else if (!reference.has(key)) problems.push(`${lang}: extra text ${key}: fi has no such text`);
    }
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
      ? placeholders(value).some((p) => !placeholders(original).includes(p)) ||
        placeholders(original).some((p) => p !== 'count' && !placeholders(value).includes(p))
      : placeholders(value).join() !== placeholders(original).join();
    if (mismatch) {
      problems.push(
        `${lang}: ${key} has {{${placeholders(value).join('}}, {{')}}} where fi has {{${placeholders(original).join('}}, {{')}}}`,
      );
    }
  }
  return problems;
}

function layoutProblems(form: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const top = Object.keys(form.schema.properties ?? {});
  const steps = (form.uiSchema['ui:steps'] as FormStep[] | undefined) ?? [];
  const placed = steps.flatMap((s) => s.fields);
  for (const field of top)
    if (steps.length && placed.filter((f) => f === field).length !== 1) problems.push(`field ${field} must be in exactly one step`);
  for (const field of placed) if (!top.includes(field)) problems.push(`step names unknown field ${field}`);
  for (const field of form.meta.emailSafeFields) {
    const s = form.schema.properties?.[field];
    // A number is no closed choice: a birth year or a count of children says too much about a person for an email.
    const closed = s && (s.enum || 'const' in s || s.type === 'boolean' || (s.type === 'array' && s.items?.enum));
    if (!closed) problems.push(`email-safe field ${field} must be a closed choice (options or yes/no), never free text or a number`);
  }
  if (!form.schema.properties?.[CONSENT]) problems.push('form has no consent field');
  return problems;
}

/** Problems that keep a form from being published; empty when the form is sound. */
export function lintForm(form: FormDefinition): Problem[] {
  return [...schemaProblems(form.schema), ...uiProblems(form), ...textProblems(form), ...layoutProblems(form)].map(
    (p) => `${form.id}: ${p}`,
  );
}
