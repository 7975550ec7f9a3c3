import safeRegex from 'safe-regex2';
import secureMetaSchema from 'ajv/lib/refs/json-schema-secure.json' with { type: 'json' };
import Ajv, { type ValidateFunction } from 'ajv';
import { compileSchema } from './ajv-options.js';
import { DEFINITION_LIMITS, definitionProblems } from './definition-shape.js';
import { REQUIRED_LANGUAGES } from './languages.js';
import { placeholders } from './i18n.js';
import { errorAt, pointer, warningAt, type FormProblem } from './problems.js';
import { FIELD_KEYWORDS, FORMATS, ROOT_KEYWORDS, UI_KEYS, UI_OPTIONS, WIDGETS, fieldKind, type FieldKind } from './supported.js';
import { PLURAL_SUFFIX, flattenTexts } from './texts.js';
import { conditionalRules } from './conditions.js';
import { contactRoleFields } from './triage.js';
import type { FormDefinition, FormStep, JsonSchema, UiSchema } from './types.js';

/** A field id: camelCase letters and digits, as text keys (`fields.<id>.label`) and CSV columns need. */
const FIELD_ID = /^[a-z][A-Za-z0-9]{0,63}$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `record[key]` only when it is the record's own (a field named `constructor` is not every object's). */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The subschemas under `properties` that are schema objects (a `true` or a typo is the lint's to name, not to walk). */
function propertiesOf(schema: JsonSchema): [string, JsonSchema][] {
  return isObject(schema.properties) ? (Object.entries(schema.properties).filter(([, s]) => isObject(s)) as [string, JsonSchema][]) : [];
}

/** A field of a form: its id (undefined for a group's items), its schema, its JSON Pointer and its depth. */
interface Field {
  id: string | undefined;
  schema: JsonSchema;
  path: string;
  depth: number;
}

/** The fields of a schema with their paths: properties at any depth, through array items. */
function walkFields(schema: JsonSchema, path: string, visit: (field: Field) => void, id?: string, depth = 0): void {
  visit({ id, schema, path, depth });
  for (const [key, prop] of propertiesOf(schema)) walkFields(prop, `${path}${pointer('properties', key)}`, visit, key, depth + 1);
  if (isObject(schema.items)) walkFields(schema.items, `${path}/items`, visit, undefined, depth + 1);
}

/** The questions of a form (every field with an id, at any depth) in order. */
function questions(schema: JsonSchema): Field[] {
  const out: Field[] = [];
  walkFields(schema, '/schema', (f) => f.id !== undefined && out.push(f));
  return out;
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
  for (const [id, prop] of propertiesOf(schema)) walkSchema(prop, `${path}${pointer('properties', id)}`, visit, condition);
  if (isObject(schema.items)) walkSchema(schema.items, `${path}/items`, visit, condition);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches))
      branches.forEach((b: unknown, i) => isObject(b) && walkSchema(b as JsonSchema, `${path}/${keyword}/${i}`, visit, condition));
  }
  for (const keyword of ['if', 'not', 'then', 'else'] as const) {
    const branch = schema[keyword];
    if (isObject(branch)) walkSchema(branch as JsonSchema, `${path}/${keyword}`, visit, condition || keyword === 'if' || keyword === 'not');
  }
}

/** Keywords whose value is a schema, a list of schemas or a map of schemas, in draft-07. */
const ONE_SCHEMA = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];

/** Every subschema of any keyword, with its path: nothing a validator runs can hide from the checks that use it. */
function walkAll(schema: unknown, path: string, visit: (schema: Record<string, unknown>, path: string) => void): void {
  if (!isObject(schema)) return;
  visit(schema, path);
  for (const keyword of ONE_SCHEMA) walkAll(schema[keyword], `${path}/${keyword}`, visit);
  for (const keyword of SCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((s, i) => walkAll(s, `${path}/${keyword}/${i}`, visit));
  }
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (isObject(map)) for (const [key, s] of Object.entries(map)) walkAll(s, `${path}/${keyword}${pointer(key)}`, visit);
  }
}

/** Field ids of a form (properties at any depth; they must be unique to key their texts). */
export function fieldIds(schema: JsonSchema): string[] {
  return questions(schema).map((f) => f.id!);
}

/** A question as a coordinator knows it: its Finnish label and its id, `'Puhelinnumero' (phone)`. */
function named(form: FormDefinition, id: string): string {
  const label = own(form.texts.fi?.fields, id)?.label;
  return typeof label === 'string' && label.trim() ? `'${label}' (${id})` : `'${id}'`;
}

let languageNames: Intl.DisplayNames | undefined;

/** Where the service names a language otherwise than CLDR's English does (`tl` is Filipino there). */
const SERVICE_NAMES: Readonly<Record<string, string>> = { tl: 'Tagalog', fa: 'Dari/Persian' };

/** A language as an English sentence names it: `Swedish (sv)`. */
function languageName(lang: string): string {
  try {
    const name = own(SERVICE_NAMES, lang) ?? (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(lang);
    return name && name !== lang ? `${name} (${lang})` : lang;
  } catch {
    return lang;
  }
}

/** The text `fields.phone.label` of a language as a pointer: `/texts/sv/fields/phone/label`. */
const textPath = (lang: string, key: string) => pointer('texts', lang, ...key.split('.'));

let secureValidator: ValidateFunction | undefined;

/**
 * ajv's meta-schema for schemas that validate untrusted data (ajv docs, "Security considerations"): a `pattern` or
 * `format` with a `maxLength`, unique items of objects with a `maxItems`, … It is not strict-clean itself, so it is
 * compiled without strict mode.
 */
function isSecure(): ValidateFunction {
  return (secureValidator ??= new Ajv({ strict: false, allErrors: true }).compile(secureMetaSchema));
}

/** The schema as the validator runs it: strict mode, ajv's secure meta-schema, and every pattern. */
function securityProblems(schema: JsonSchema): FormProblem[] {
  const problems: FormProblem[] = [];
  const secure = isSecure();
  if (!secure(schema)) {
    for (const e of secure.errors ?? []) {
      if (e.keyword === 'if') continue;
      const missing = e.params['missingProperty'] as string | undefined;
      const path = `/schema${e.instancePath}${missing ? pointer(missing) : ''}`;
      const why = (e.parentSchema as { description?: string } | undefined)?.description;
      problems.push(
        errorAt(
          path,
          'insecure_schema',
          missing
            ? `This needs '${missing}' here, so that no answer can be long enough to slow the check down${why ? ` (${why})` : ''}.`
            : `This is not safe to run on residents' answers: ${e.message ?? 'see ajv security considerations'}.`,
        ),
      );
    }
  }
  const patterns = (s: Record<string, unknown>, path: string) => {
    const list: [string, string][] = [];
    if (typeof s['pattern'] === 'string') list.push([s['pattern'], `${path}/pattern`]);
    if (isObject(s['patternProperties']))
      for (const key of Object.keys(s['patternProperties'])) list.push([key, `${path}/patternProperties${pointer(key)}`]);
    return list;
  };
  walkAll(schema, '/schema', (s, path) => {
    for (const [pattern, at] of patterns(s, path)) {
      try {
        new RegExp(pattern, 'u');
      } catch (e) {
        problems.push(
          errorAt(
            at,
            'invalid_pattern',
            `The pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(e as Error).message}.`,
          ),
        );
        continue;
      }
      if (!safeRegex(pattern))
        problems.push(
          errorAt(
            at,
            'unsafe_pattern',
            `The pattern ${JSON.stringify(pattern)} could take very long to check some answers (a repetition inside a repetition, such as (a+)+, too many repetitions, or syntax the checker cannot read). Write it without nested repetition.`,
          ),
        );
    }
  });
  // `$data` may stand for any keyword's value, so it is looked for in every object of the schema.
  const stack: [unknown, string][] = [[schema, '/schema']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Object.hasOwn(value, '$data'))
      problems.push(errorAt(`${path}/$data`, 'data_reference', 'A $data reference is not allowed: every limit must be written out.'));
    for (const [key, child] of Object.entries(value)) stack.push([child, `${path}${pointer(key)}`]);
  }
  return problems;
}

function schemaProblems(form: FormDefinition): FormProblem[] {
  const schema = form.schema;
  const problems: FormProblem[] = [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
  for (const [i, rule] of allOf.entries()) {
    if (!isObject(rule) || !isObject(rule.if) || !isObject(rule.then) || Object.keys(rule).some((k) => !['if', 'then'].includes(k)))
      problems.push(
        errorAt(`/schema/allOf/${i}`, 'invalid_rule', 'A rule must be exactly an "if" (a condition) and a "then" (the questions it asks).'),
      );
    else problems.push(...thenProblems(rule.then, `/schema/allOf/${i}/then`));
  }
  problems.push(...supportProblems(schema));
  walkSchema(schema, '/schema', (s, path, condition) => {
    // A condition accepts no data, and closing its object would make it fail whenever another field is answered.
    if (!condition && s.type === 'object' && s['additionalProperties'] !== false)
      problems.push(
        errorAt(`${path}/additionalProperties`, 'open_object', 'This group of answers must be closed with "additionalProperties": false.'),
      );
    if (!condition && s.type === 'string' && typeof s['maxLength'] !== 'number' && !s.enum && !('const' in s))
      problems.push(errorAt(`${path}/maxLength`, 'string_without_max_length', 'A text answer needs a maxLength.'));
    if (!condition && s.type === 'array' && typeof s['maxItems'] !== 'number')
      problems.push(errorAt(`${path}/maxItems`, 'array_without_max_items', 'A list of answers needs a maxItems.'));
    for (const key of ['title', 'description'])
      if (typeof s[key] === 'string')
        problems.push(errorAt(`${path}/${key}`, 'display_text_in_schema', `The schema holds display text (${key}); put it in the texts.`));
  });
  const fields = questions(schema);
  if (fields.length > DEFINITION_LIMITS.fields)
    problems.push(
      errorAt('/schema', 'too_many_fields', `The form has ${fields.length} questions; at most ${DEFINITION_LIMITS.fields} are allowed.`),
    );
  const seen = new Set<string>();
  walkFields(schema, '/schema', ({ id, path, depth }) => {
    if (depth > DEFINITION_LIMITS.fieldDepth)
      problems.push(
        errorAt(
          path,
          'fields_too_deep',
          `Questions nest more than ${DEFINITION_LIMITS.fieldDepth} levels deep here (counting properties and items).`,
        ),
      );
    if (id === undefined) return;
    if (!FIELD_ID.test(id))
      problems.push(
        errorAt(path, 'invalid_field_id', `The id '${id}' must be camelCase letters and digits, starting with a lowercase letter.`),
      );
    if (seen.has(id))
      problems.push(
        errorAt(path, 'duplicate_field_id', `Another question has the id '${id}' too; ids must be unique, as they key the texts.`),
      );
    seen.add(id);
  });
  const required = Array.isArray(schema.required) ? schema.required : [];
  const bothProblem = (field: string) => {
    const index = required.indexOf(field);
    return errorAt(
      index >= 0 ? `/schema/required/${index}` : `/schema${pointer('properties', field)}`,
      'required_and_conditional',
      `${named(form, field)} is both always required and asked under a condition; take it out of one.`,
    );
  };
  for (const [i, rule] of allOf.entries()) {
    if (!isObject(rule) || !isObject(rule.if) || !isObject(rule.then)) continue;
    for (const [field, cond] of Object.entries(isObject(rule.if.properties) ? rule.if.properties : {})) {
      const keys = isObject(cond) ? Object.keys(cond).filter((k) => k !== 'type') : [];
      if (!(keys.length === 1 && ['const', 'enum', 'contains'].includes(keys[0]!)))
        problems.push(
          errorAt(
            `/schema/allOf/${i}/if${pointer('properties', field)}`,
            'complex_condition',
            `The condition on ${named(form, field)} must be one const, enum or contains.`,
          ),
        );
    }
    const then = rule.then as JsonSchema;
    const asked = Array.isArray(then.required) ? then.required : [];
    for (const field of asked) if (required.includes(field)) problems.push(bothProblem(field));
    for (const field of Object.keys(isObject(then.properties) ? then.properties : {}).filter((f) => !asked.includes(f))) {
      if (!own(schema.properties, field))
        problems.push(
          errorAt(
            `/schema/allOf/${i}/then${pointer('properties', field)}`,
            'condition_unknown_field',
            `The rule shows '${field}', which the form does not ask.`,
          ),
        );
      if (required.includes(field)) problems.push(bothProblem(field));
    }
  }
  return problems;
}

/** A rule's `then` only requires questions (`required`) or shows optional ones (`properties` of `true`). */
function thenProblems(then: JsonSchema, path: string): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const key of Object.keys(then))
    if (key !== 'required' && key !== 'properties')
      problems.push(
        errorAt(
          `${path}${pointer(key)}`,
          'invalid_rule',
          `'${key}' is not allowed in a rule's "then": a rule only requires questions (required) or shows them (properties: true).`,
        ),
      );
  for (const [field, shown] of Object.entries(isObject(then.properties) ? then.properties : {})) {
    if ((shown as unknown) !== true)
      problems.push(
        errorAt(
          `${path}${pointer('properties', field)}`,
          'rule_shows_schema',
          `A rule shows a question with true; the question's schema belongs in the form's properties.`,
        ),
      );
  }
  return problems;
}

const KIND_WORDS: Record<FieldKind, string> = {
  text: 'a text',
  number: 'a number',
  choice: 'one choice',
  yesNo: 'yes or no',
  choices: 'several choices',
  group: 'a repeating group',
  object: 'a group of questions',
};

/** Schema shapes, keywords and formats the form page cannot render (`supported.ts`). */
function supportProblems(schema: JsonSchema): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const key of Object.keys(schema))
    if (!ROOT_KEYWORDS.includes(key))
      problems.push(errorAt(`/schema${pointer(key)}`, 'unsupported_keyword', `'${key}' is not supported at the top of a form's schema.`));
  const cannotShow = `This is not a question the form page can show (${Object.values(KIND_WORDS).slice(0, 6).join(', ')}).`;
  walkFields(schema, '/schema', ({ schema: s, path }) => {
    for (const [key, prop] of Object.entries(isObject(s.properties) ? s.properties : {}))
      if (!isObject(prop)) problems.push(errorAt(`${path}${pointer('properties', key)}`, 'unsupported_question', cannotShow));
    if (path === '/schema') return;
    for (const key of Object.keys(s))
      if (!FIELD_KEYWORDS.includes(key))
        problems.push(errorAt(`${path}${pointer(key)}`, 'unsupported_keyword', `'${key}' is not supported in a question.`));
    const kind = fieldKind(s);
    if (!kind) problems.push(errorAt(path, 'unsupported_question', cannotShow));
    if ('format' in s && (kind !== 'text' || !FORMATS.includes(s['format'] as string))) {
      problems.push(
        errorAt(
          `${path}/format`,
          'unsupported_format',
          `The format ${JSON.stringify(s['format'])} is not supported (only ${FORMATS.join(', ')}, on a text).`,
        ),
      );
    }
  });
  return problems;
}

/** uiSchema keys, widgets and options the form page does not carry or that do not suit the question. */
function uiProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const fields = (schema: JsonSchema, ui: UiSchema, path: string, allowed: string[]) => {
    for (const [key, value] of Object.entries(ui)) {
      if (allowed.includes(key)) continue;
      const prop = own(isObject(schema.properties) ? schema.properties : undefined, key);
      if (isObject(prop)) field(prop, value, `${path}${pointer(key)}`);
      else
        problems.push(
          errorAt(`${path}${pointer(key)}`, 'ui_unknown_key', `'${key}' is neither a question of the form nor a supported uiSchema key.`),
        );
    }
  };
  const field = (schema: JsonSchema, rawUi: unknown, path: string) => {
    if (!isObject(rawUi)) return void problems.push(errorAt(path, 'ui_not_object', "A question's uiSchema must be an object."));
    const ui = rawUi;
    const kind = fieldKind(schema);
    if (kind === 'object') return fields(schema, ui, path, []);
    for (const [key, value] of Object.entries(ui)) {
      const at = `${path}${pointer(key)}`;
      if (key === 'ui:widget') {
        const widgets = kind ? WIDGETS[kind] : [];
        if (!widgets.includes(value as string)) {
          problems.push(
            errorAt(
              at,
              'unsupported_widget',
              `The widget ${JSON.stringify(value)} is not supported for this question (${widgets.length ? `only ${widgets.join(', ')}` : 'none'}).`,
            ),
          );
        }
      } else if (key === 'ui:options') {
        const options = isObject(value) ? Object.entries(value) : [['', value] as [string, unknown]];
        for (const [option, setting] of options) {
          const expected = own(UI_OPTIONS, option);
          const ok = Array.isArray(expected) ? expected.includes(setting as string) : expected !== undefined && typeof setting === expected;
          if (!ok)
            problems.push(
              errorAt(
                option ? `${at}${pointer(option)}` : at,
                'unsupported_ui_option',
                `The setting ui:options${option ? `.${option}` : ''} ${JSON.stringify(setting)} is not supported.`,
              ),
            );
        }
      } else if (key === 'ui:autocomplete') {
        if (typeof value !== 'string') problems.push(errorAt(at, 'invalid_autocomplete', 'The ui:autocomplete setting must be a text.'));
      } else if (key === 'items' && kind === 'group') {
        if (isObject(value)) fields(schema.items!, value, at, []);
        else problems.push(errorAt(at, 'ui_not_object', "A repeating group's items uiSchema must be an object."));
      } else {
        problems.push(
          errorAt(at, 'unsupported_ui_key', `'${key}' is not supported (only ${UI_KEYS.join(', ')}${kind === 'group' ? ', items' : ''}).`),
        );
      }
    }
  };
  fields(form.schema, form.uiSchema, '/uiSchema', ['ui:steps']);
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
    if (!condition && Array.isArray(s.required)) for (const field of s.required) out.add(field);
  });
  return out;
}

/** The keywords whose error texts a field may override: those its schema (or its items') can fail on. */
function errorKeywords(s: JsonSchema, required: boolean): Set<string> {
  const own = Object.keys(s).filter((k) => FAILING.includes(k));
  // An item's failure (an option outside the list) carries the array's path, hence its field's texts.
  const items = isObject(s.items) ? Object.keys(s.items).filter((k) => FAILING.includes(k)) : [];
  return new Set([...own, ...items, ...(required ? ['required'] : [])]);
}

/** The options a question offers, as their text keys name them. */
function optionsOf(s: JsonSchema, id: string, consent: string | undefined): unknown[] | undefined {
  const options = s.type === 'array' ? s.items?.enum : s.type === 'boolean' ? [true, false] : s.enum;
  return Array.isArray(options) && !(s.type === 'boolean' && id === consent) ? options : undefined;
}

/** The consent question's id, as the form declares it (`meta.roles.consent`). */
const consentOf = (form: FormDefinition): string | undefined => form.meta.roles?.consent;

/** The text keys a form needs (labels, hints, option labels, step titles) and the error keys each field allows. */
function textKeys(form: FormDefinition): { expected: Set<string>; errors: Map<string, Set<string>> } {
  const expected = new Set(['title', 'description', 'next', 'consent.text']);
  const errors = new Map<string, Set<string>>();
  const required = requiredFields(form.schema);
  for (const { id, schema: s } of questions(form.schema)) {
    expected.add(`fields.${id}.label`);
    // Every answer gets a plain-language hint (residents with little schooling read them); consent has its text.
    if (id !== consentOf(form)) expected.add(`fields.${id}.hint`);
    for (const o of optionsOf(s, id!, consentOf(form)) ?? []) expected.add(`fields.${id}.options.${String(o)}`);
    // A repeating group names its items and its buttons in every language: "Lapsi 2", "Lisää lapsi", "Poista lapsi 2".
    if (s.type === 'array' && s.items?.type === 'object') for (const key of ['item', 'add', 'remove']) expected.add(`fields.${id}.${key}`);
    errors.set(id!, errorKeywords(s, required.has(id!)));
  }
  for (const step of steps(form)) expected.add(`steps.${step.id}`);
  return { expected, errors };
}

function steps(form: FormDefinition): FormStep[] {
  const list = form.uiSchema['ui:steps'];
  return Array.isArray(list) ? (list as FormStep[]) : [];
}

/** Why a text key the form does not need is there: no such field, no such rule to fail, or no use at all. */
function unexpectedKey(key: string, errors: Map<string, Set<string>>): string {
  const [, id, rest] = /^fields\.([^.]+)\.(.+)$/.exec(key) ?? [];
  const rules = id === undefined ? undefined : errors.get(id);
  if (id !== undefined && !rules) return `The text ${key} is not used: the form has no question '${id}'.`;
  const keyword = rest?.match(/^errors\.(\w+)$/)?.[1];
  if (rules && keyword) return `The text ${key} is not used: '${id}' has no rule ${keyword} (only ${[...rules].join(', ')}).`;
  return `The text ${key} is not used by the form.`;
}

/**
 * Texts per language. Finnish and English are required; any other language is offered (`meta.languages`) exactly
 * when it has texts, and then it has every text, so a language is either complete or not on offer.
 */
function textProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const { expected, errors } = textKeys(form);
  const reference = flattenTexts(form.texts.fi ?? {});
  const offered = Object.keys(form.meta.languages);
  const fix = (lang: string) =>
    (REQUIRED_LANGUAGES as readonly string[]).includes(lang)
      ? `Finnish and English are required for every form, so complete ${languageName(lang)}.`
      : `Complete ${languageName(lang)}, or take it off the form's languages (meta.languages).`;
  for (const lang of REQUIRED_LANGUAGES)
    if (!own(form.meta.languages, lang))
      problems.push(
        errorAt(
          pointer('meta', 'languages', lang),
          'required_language',
          `${languageName(lang)} is required for every form but not offered.`,
        ),
      );
  for (const lang of offered)
    if (!own(form.texts, lang))
      problems.push(errorAt(pointer('texts', lang), 'language_without_texts', `${languageName(lang)} has no texts. ${fix(lang)}`));
  for (const lang of REQUIRED_LANGUAGES)
    if (!own(form.texts, lang) && !offered.includes(lang))
      problems.push(errorAt(pointer('texts', lang), 'language_without_texts', `${languageName(lang)} has no texts. ${fix(lang)}`));
  for (const [lang, texts] of Object.entries(form.texts)) {
    if (!offered.includes(lang))
      problems.push(
        errorAt(
          pointer('texts', lang),
          'language_not_offered',
          `There are texts in ${languageName(lang)} but the form does not offer it: add it to the form's languages (meta.languages), or remove its texts.`,
        ),
      );
    const have = flattenTexts(texts);
    const missing = new Set<string>();
    for (const key of expected) {
      const value = have.get(key);
      if (typeof value !== 'string' || value.trim() === '') missing.add(key);
    }
    // A field's own error text that fi has, every language has.
    if (lang !== 'fi')
      for (const [key, value] of reference)
        if (typeof value === 'string' && value.trim() !== '' && !(typeof have.get(key) === 'string' && (have.get(key) as string).trim()))
          missing.add(key);
    for (const key of missing)
      problems.push(
        errorAt(textPath(lang, key), 'missing_text', `The ${languageName(lang)} text ${key} is missing or empty. ${fix(lang)}`),
      );
    for (const key of have.keys()) {
      if (expected.has(key) || missing.has(key)) continue;
      const [, id, keyword] = /^fields\.([^.]+)\.errors\.(\w+)$/.exec(key) ?? [];
      if (!id || !errors.get(id)?.has(keyword!)) problems.push(errorAt(textPath(lang, key), 'unused_text', unexpectedKey(key, errors)));
      // A field's own error text that fi lacks is one no reviewer has read in the reference language.
      else if (!reference.has(key))
        problems.push(
          errorAt(textPath(lang, key), 'extra_text', `The text ${key} has no Finnish original; write it in Finnish first, or remove it.`),
        );
    }
    if (lang !== 'fi')
      for (const { key, have, want } of placeholderMismatches(form.texts.fi ?? {}, texts))
        problems.push(
          errorAt(
            textPath(lang, key),
            'placeholder_mismatch',
            `The ${languageName(lang)} text ${key} has ${braces(have)} where Finnish has ${braces(want)}; keep the placeholders as they are in Finnish.`,
          ),
        );
  }
  return problems;
}

/** Texts whose `{{placeholders}}` differ from the reference language's: a translation dropped or renamed one. */
function placeholderMismatches(reference: unknown, candidate: unknown): { key: string; have: string[]; want: string[] }[] {
  const ref = flattenTexts(reference);
  const out: { key: string; have: string[]; want: string[] }[] = [];
  for (const [key, value] of flattenTexts(candidate)) {
    // Plural forms compare with the reference's `_other`; a form like "one answer" may leave `{{count}}` out.
    const plural = PLURAL_SUFFIX.test(key);
    const original = plural ? ref.get(key.replace(PLURAL_SUFFIX, '_other')) : ref.get(key);
    if (typeof value !== 'string' || typeof original !== 'string') continue;
    const [have, want] = [placeholders(value), placeholders(original)];
    const mismatch = plural
      ? have.some((p) => !want.includes(p)) || want.some((p) => p !== 'count' && !have.includes(p))
      : have.join() !== want.join();
    if (mismatch) out.push({ key, have, want });
  }
  return out;
}

const braces = (names: string[]) => (names.length ? `{{${names.join('}}, {{')}}}` : 'no placeholders');

/** Texts whose `{{placeholders}}` differ from the reference language's, as `<lang>: <key> has … where fi has …` lines. */
export function placeholderProblems(lang: string, reference: unknown, candidate: unknown): string[] {
  return placeholderMismatches(reference, candidate).map(
    (m) => `${lang}: ${m.key} has {{${m.have.join('}}, {{')}}} where fi has {{${m.want.join('}}, {{')}}}`,
  );
}

function layoutProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const properties = isObject(form.schema.properties) ? form.schema.properties : {};
  const top = Object.keys(properties);
  const list = steps(form);
  const placed = list.flatMap((s) => s.fields);
  for (const field of top)
    if (list.length && placed.filter((f) => f === field).length !== 1)
      problems.push(
        errorAt(pointer('schema', 'properties', field), 'field_not_in_one_step', `${named(form, field)} must be in exactly one step.`),
      );
  list.forEach((step, i) =>
    step.fields.forEach((field, j) => {
      if (!top.includes(field))
        problems.push(
          errorAt(`/uiSchema/ui:steps/${i}/fields/${j}`, 'step_unknown_field', `The step names '${field}', which the form does not ask.`),
        );
    }),
  );
  form.meta.emailSafeFields.forEach((field, i) => {
    const s = own(properties, field) as JsonSchema | undefined;
    // A number is no closed choice: a birth year or a count of children says too much about a person for an email.
    const closed = isObject(s) && (s.enum || 'const' in s || s.type === 'boolean' || (s.type === 'array' && s.items?.enum));
    if (!closed)
      problems.push(
        errorAt(
          `/meta/emailSafeFields/${i}`,
          'email_unsafe_field',
          `${named(form, field)} cannot be in staff email: only closed choices (options or yes/no) may be, never free text or a number.`,
        ),
      );
  });
  // A staff label of a question the form does not ask would never be read: a removed or renamed question's.
  for (const field of Object.keys(form.meta.staffLabels ?? {}))
    if (!own(properties, field))
      problems.push(
        errorAt(
          pointer('meta', 'staffLabels', field),
          'staff_label_unknown_field',
          `The staff label '${field}' names a question the form does not ask.`,
        ),
      );
  problems.push(...roleProblems(form, properties));
  return problems;
}

/** What each role must be: the kinds of question that can play it. */
const ROLE_KINDS: Record<'consent' | 'name' | 'latinName' | 'contactEmail' | 'phone', { what: string; fits: (s: JsonSchema) => boolean }> =
  {
    consent: { what: 'a yes/no that must be yes (type boolean, const true)', fits: (s) => s.type === 'boolean' && s.const === true },
    name: { what: 'a text answer', fits: (s) => s.type === 'string' && !s.enum && !('format' in s) },
    latinName: { what: 'a text answer', fits: (s) => s.type === 'string' && !s.enum && !('format' in s) },
    contactEmail: { what: 'an email question (format email)', fits: (s) => s.type === 'string' && s['format'] === 'email' },
    phone: { what: 'a text answer', fits: (s) => s.type === 'string' && !s.enum },
  };

/**
 * `meta.roles`: every role names a question of the form of the kind it needs (the definition's shape already
 * requires `roles.consent`).
 */
function roleProblems(form: FormDefinition, properties: Record<string, JsonSchema> | undefined): FormProblem[] {
  const roles = form.meta.roles;
  const problems: FormProblem[] = [];
  const check = (role: keyof typeof ROLE_KINDS, id: string, path: string) => {
    const s = own(properties, id) as JsonSchema | undefined;
    if (!isObject(s)) problems.push(errorAt(path, 'invalid_role', `The ${role} role names '${id}', which is not a question of the form.`));
    else if (!ROLE_KINDS[role].fits(s))
      problems.push(errorAt(path, 'invalid_role', `The ${role} role needs ${ROLE_KINDS[role].what}; ${named(form, id)} is not one.`));
  };
  for (const role of ['consent', 'name', 'latinName', 'phone'] as const) {
    const id = roles[role];
    if (typeof id === 'string') check(role, id, `/meta/roles/${role}`);
  }
  (roles.contactEmail ?? []).forEach((id, i) => check('contactEmail', id, `/meta/roles/contactEmail/${i}`));
  return problems;
}

/**
 * `meta.triage: false` makes submissions evidence, not cases, unless they carry contact details: a contact question
 * asked of everyone (not behind a rule such as "contact me: yes") would turn every answered one into a case.
 */
function triageWarnings(form: FormDefinition): FormProblem[] {
  if (form.meta.triage !== false) return [];
  const conditional = new Set(conditionalRules(form.schema).flatMap((r) => [...r.fields, ...r.optional]));
  return contactRoleFields(form.meta.roles)
    .filter((field) => !conditional.has(field))
    .map((field) =>
      warningAt(
        '/meta/triage',
        'triage_contact_always_asked',
        `Submissions of this form are not cases (triage: false), but ${named(form, field)} is asked of everyone: each submission that answers it becomes a case for staff. Ask it only under a rule (e.g. "contact me").`,
      ),
    );
}

/**
 * What publishing `form` over `current` changes for the answers already collected: a question removed, or its kind
 * or options changed. Warnings: they do not keep the draft from being published, but the coordinator should know.
 */
function continuityWarnings(form: FormDefinition, current: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const draft = new Map(questions(form.schema).map((f) => [f.id!, f]));
  const before = questions(current.schema);
  const topLevel = new Set(Object.keys(current.schema.properties ?? {}));
  // The CSV export has one column per top-level question of the published version, under its Finnish label.
  const groupOf = new Map<string, string>();
  for (const top of topLevel) for (const inner of questions(current.schema.properties![top]!)) groupOf.set(inner.id!, top);
  const column = (id: string) => {
    const top = groupOf.get(id) ?? id;
    return `'${own(current.texts.fi?.fields, top)?.label ?? top}'`;
  };
  const name = (id: string) => named(current, id);
  for (const old of before) {
    const id = old.id!;
    const now = draft.get(id);
    if (!now) {
      problems.push(
        warningAt(
          old.path,
          'field_removed',
          topLevel.has(id)
            ? `This draft removes the question ${name(id)}: new submissions will not answer it, and once it is published the CSV export has no column ${column(id)}; answers already sent stay in each submission.`
            : `This draft removes the question ${name(id)}: in the CSV export's column ${column(id)}, new submissions will not have it.`,
        ),
      );
      continue;
    }
    const was = fieldKind(old.schema);
    const is = fieldKind(now.schema);
    if (was !== is || JSON.stringify(old.schema.type) !== JSON.stringify(now.schema.type)) {
      problems.push(
        warningAt(
          now.path,
          'field_type_changed',
          `This draft changes the answer to ${name(id)} from ${was ? KIND_WORDS[was] : 'its old kind'} to ${is ? KIND_WORDS[is] : 'another kind'}: the CSV export's column ${column(id)} will mix both kinds of answer, the old ones for earlier submissions.`,
        ),
      );
      continue;
    }
    const oldOptions = optionsOf(old.schema, id, consentOf(current)) ?? [];
    const newOptions = optionsOf(now.schema, id, consentOf(form)) ?? [];
    for (const option of oldOptions)
      if (!newOptions.includes(option))
        problems.push(
          warningAt(
            now.path,
            'option_removed',
            `This draft removes the option ${JSON.stringify(option)} of ${name(id)}: new submissions cannot choose it; earlier answers with it still show in the CSV export's column ${column(id)}.`,
          ),
        );
  }
  return problems;
}

/**
 * The lint of a form definition: every problem that keeps it from being published (`severity: 'error'`) and, given
 * the current published version, warnings about what publishing it changes. Empty when the form is sound.
 *
 * The definition is untrusted: it may be any parsed JSON. Its size, nesting and shape
 * (`schemas/definition.schema.json`) are checked first, and nothing else is while they fail.
 */
export function lintForm(form: FormDefinition, options: { current?: FormDefinition } = {}): FormProblem[] {
  const first = definitionProblems(form);
  if (first.length) return first;
  const problems: FormProblem[] = [];
  let compiles = true;
  try {
    compileSchema(form.schema);
  } catch (e) {
    compiles = false;
    problems.push(
      errorAt('/schema', 'schema_not_strict', `The answer schema does not compile in ajv's strict mode: ${(e as Error).message}.`),
    );
  }
  // A schema that does not compile may lack what the rules below read; what they find then is best effort.
  const run = (rules: () => FormProblem[]): FormProblem[] => {
    try {
      return rules();
    } catch (e) {
      if (compiles) throw e;
      return [];
    }
  };
  problems.push(
    ...run(() => securityProblems(form.schema)),
    ...run(() => schemaProblems(form)),
    ...run(() => uiProblems(form)),
    ...run(() => textProblems(form)),
    ...run(() => layoutProblems(form)),
    ...run(() => triageWarnings(form)),
  );
  // ajv's secure meta-schema and the lint's own rules may ask for the same maxLength: say it once.
  const said = new Set(problems.filter((p) => p.code !== 'insecure_schema').map((p) => p.path));
  const unique = problems.filter((p) => p.code !== 'insecure_schema' || !said.has(p.path));
  if (options.current && !definitionProblems(options.current).length) unique.push(...run(() => continuityWarnings(form, options.current!)));
  return unique;
}
