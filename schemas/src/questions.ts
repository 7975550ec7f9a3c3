import type { Lang } from './languages.js';
import type { FormDefinition, FormStep, JsonSchema, UiSchema } from './types.js';

/**
 * A form as a list of questions, for the workbench's question editor: what kind each question is, and the changes an
 * admin makes to it, each a pure function from one definition to the next. The editor never asks for JSON; it
 * writes the schema, the uiSchema, the steps and the texts through these. Question ids never change once made, so
 * answers, texts and exports stay keyed the same when a label is rewritten.
 */

/** The kinds of question the editor offers, in the order it lists them. */
export const QUESTION_TYPES = [
  'shortText',
  'longText',
  'email',
  'phone',
  'date',
  'year',
  'number',
  'yesNo',
  'oneChoice',
  'severalChoices',
  'consent',
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question the editor cannot edit as a whole (a repeating group, a list of free texts): the JSON view can. */
export type AnyQuestionType = QuestionType | 'other';

/** Each kind's schema and uiSchema when added; limits can then be changed. */
const TEMPLATES: Record<QuestionType, { schema: JsonSchema; ui: UiSchema }> = {
  shortText: { schema: { type: 'string', maxLength: 200 }, ui: {} },
  longText: { schema: { type: 'string', maxLength: 2000 }, ui: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } } },
  email: {
    schema: { type: 'string', format: 'email', maxLength: 254 },
    ui: { 'ui:options': { inputType: 'email' }, 'ui:autocomplete': 'email' },
  },
  phone: {
    schema: { type: 'string', minLength: 5, maxLength: 30, pattern: '^\\+?[0-9][0-9 ()-]{4,28}$' },
    ui: { 'ui:options': { inputType: 'tel' }, 'ui:autocomplete': 'tel' },
  },
  date: { schema: { type: 'string', format: 'date', maxLength: 10 }, ui: { 'ui:autocomplete': 'off' } },
  year: { schema: { type: 'integer', minimum: 1900, maximum: 2100 }, ui: { 'ui:autocomplete': 'off' } },
  number: { schema: { type: 'integer', minimum: 0, maximum: 100 }, ui: { 'ui:autocomplete': 'off' } },
  yesNo: { schema: { type: 'boolean' }, ui: { 'ui:widget': 'radio' } },
  oneChoice: { schema: { type: 'string', enum: ['option1', 'option2'] }, ui: { 'ui:widget': 'radio' } },
  severalChoices: {
    schema: { type: 'array', maxItems: 2, uniqueItems: true, items: { type: 'string', enum: ['option1', 'option2'] } },
    ui: { 'ui:widget': 'checkboxes' },
  },
  consent: { schema: { type: 'boolean', const: true }, ui: { 'ui:widget': 'checkbox' } },
};

const isYear = (s: JsonSchema) => s.type === 'integer' && typeof s.minimum === 'number' && s.minimum >= 1900;

/** What kind of question a field is, read from its schema and uiSchema; `other` for what the editor does not make. */
export function questionType(schema: JsonSchema, ui: UiSchema = {}): AnyQuestionType {
  if (schema.type === 'boolean') return schema.const === true ? 'consent' : 'yesNo';
  if (schema.type === 'array') return schema.items?.type === 'string' && Array.isArray(schema.items.enum) ? 'severalChoices' : 'other';
  if (Array.isArray(schema.enum)) return 'oneChoice';
  if (schema.type === 'integer' || schema.type === 'number') return isYear(schema) ? 'year' : 'number';
  if (schema.type !== 'string') return 'other';
  if (schema.format === 'email') return 'email';
  if (typeof schema.format === 'string' && /date/.test(schema.format)) return 'date';
  const options = (ui['ui:options'] ?? {}) as Record<string, unknown>;
  if (options['inputType'] === 'tel') return 'phone';
  return ui['ui:widget'] === 'textarea' ? 'longText' : 'shortText';
}

/** Closed choices: the only answers that may appear in a staff email. */
export const isClosedChoice = (type: AnyQuestionType) => type === 'oneChoice' || type === 'severalChoices' || type === 'yesNo';

/** "Show only if" `field` is (or, for several choices, includes) `value`. */
export interface Condition {
  field: string;
  value: string | number | boolean;
}

export interface QuestionView {
  id: string;
  type: AnyQuestionType;
  required: boolean;
  condition?: Condition;
  /** The answer may appear in the staff email (`meta.emailSafeFields`). */
  emailSafe: boolean;
  /** The choices' values, for one and several choices, and `true`, `false` for yes/no. */
  options?: string[];
  limits: Limits;
}

/** The limits the editor sets: length of a text, range of a number, how many of several choices. */
export interface Limits {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

export interface StepView {
  id: string;
  questions: QuestionView[];
}

const LIMIT_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'maxItems'] as const;

export const stepsOfDefinition = (def: FormDefinition): FormStep[] => (def.uiSchema['ui:steps'] as FormStep[] | undefined) ?? [];

/** The `allOf` rule that asks `field` under a condition, with its index. */
function ruleOf(def: FormDefinition, field: string): { index: number; rule: JsonSchema } | undefined {
  const rules = def.schema.allOf ?? [];
  const index = rules.findIndex((r) => (r.then?.required ?? []).includes(field) || Object.hasOwn(r.then?.properties ?? {}, field));
  return index < 0 ? undefined : { index, rule: rules[index]! };
}

/** The condition under which a question is asked, if it is one the editor makes (one field, one value). */
export function conditionOf(def: FormDefinition, field: string): Condition | undefined {
  const found = ruleOf(def, field);
  const entries = Object.entries(found?.rule.if?.properties ?? {});
  if (entries.length !== 1) return undefined;
  const [source, test] = entries[0]!;
  const value = test.const ?? test.contains?.const ?? (Array.isArray(test.enum) && test.enum.length === 1 ? test.enum[0] : undefined);
  return ['string', 'number', 'boolean'].includes(typeof value) ? { field: source, value: value as Condition['value'] } : undefined;
}

/** One question as the editor shows it. */
export function questionOf(def: FormDefinition, id: string): QuestionView {
  const schema = def.schema.properties?.[id] ?? {};
  const type = questionType(schema, def.uiSchema[id] as UiSchema | undefined);
  const rule = ruleOf(def, id);
  const required = rule ? (rule.rule.then?.required ?? []).includes(id) : (def.schema.required ?? []).includes(id);
  // A yes/no question's answers have texts of their own too (`options.true`, `options.false`).
  const enumOf =
    type === 'severalChoices' ? schema.items?.enum : type === 'oneChoice' ? schema.enum : type === 'yesNo' ? [true, false] : undefined;
  const limits: Limits = {};
  for (const key of LIMIT_KEYS) if (typeof schema[key] === 'number') limits[key] = schema[key];
  const condition = conditionOf(def, id);
  return {
    id,
    type,
    required,
    ...(condition ? { condition } : {}),
    emailSafe: def.meta.emailSafeFields.includes(id),
    ...(enumOf ? { options: enumOf.map(String) } : {}),
    limits,
  };
}

/** The form's steps and their questions, in order. */
export function questionsByStep(def: FormDefinition): StepView[] {
  return stepsOfDefinition(def).map((step) => ({ id: step.id, questions: step.fields.map((id) => questionOf(def, id)) }));
}

/** A new id from a label: camelCase ASCII letters and digits ("Mikä harrastus?" → `mikaHarrastus`), unique in `taken`. */
export function idFromLabel(label: string, taken: Iterable<string>, fallback = 'question'): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 4);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  if (!/^[a-z]/.test(base)) base = base ? `q${base}` : fallback;
  base = base.slice(0, 40);
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  return id;
}

/** Every id a definition uses for a question or a step (a new one must differ from all). */
export const takenIds = (def: FormDefinition) => [...Object.keys(def.schema.properties ?? {}), ...stepsOfDefinition(def).map((s) => s.id)];

/** A deep copy: definitions are plain JSON. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const copy = (def: FormDefinition): FormDefinition => clone(def);

function setSteps(def: FormDefinition, steps: FormStep[]): void {
  def.uiSchema['ui:steps'] = steps;
}

/** Adds a question of `type` at the end of step `stepId`, optional and unconditional, with no texts yet. */
export function addQuestion(def: FormDefinition, stepId: string, type: QuestionType, id: string): FormDefinition {
  if (Object.hasOwn(def.schema.properties ?? {}, id)) throw new Error(`The form already has a question '${id}'.`);
  const next = copy(def);
  const template = clone(TEMPLATES[type]);
  next.schema.properties = { ...next.schema.properties, [id]: template.schema };
  if (Object.keys(template.ui).length) next.uiSchema[id] = template.ui;
  setSteps(
    next,
    stepsOfDefinition(next).map((s) => (s.id === stepId ? { ...s, fields: [...s.fields, id] } : s)),
  );
  if (type === 'consent') {
    next.schema.required = [...(next.schema.required ?? []), id];
    if (!next.meta.roles.consent || !Object.hasOwn(next.schema.properties, next.meta.roles.consent)) next.meta.roles.consent = id;
  }
  return next;
}

/** Questions asked only when `field` has some answer: they would lose their condition if it went. */
export function dependentsOf(def: FormDefinition, field: string): string[] {
  return Object.keys(def.schema.properties ?? {}).filter(
    (id) => conditionOf(def, id)?.field === field || ruleOf(def, id)?.rule.if?.properties?.[field],
  );
}

/** Removes a question with its texts in every language, its rule, its step entry, its staff-mail mark and staff label. */
export function removeQuestion(def: FormDefinition, id: string): FormDefinition {
  const dependents = dependentsOf(def, id).filter((d) => d !== id);
  if (dependents.length) throw new Error(`Questions ${dependents.join(', ')} are shown depending on '${id}'; change them first.`);
  if (def.meta.roles.consent === id) throw new Error(`'${id}' is the form's consent; every form keeps one.`);
  let next = setCondition(def, id, undefined, false);
  next = copy(next);
  const { [id]: _removed, ...properties } = next.schema.properties ?? {};
  next.schema.properties = properties;
  next.schema.required = (next.schema.required ?? []).filter((f) => f !== id);
  delete next.uiSchema[id];
  setSteps(
    next,
    stepsOfDefinition(next).map((s) => ({ ...s, fields: s.fields.filter((f) => f !== id) })),
  );
  next.meta.emailSafeFields = next.meta.emailSafeFields.filter((f) => f !== id);
  if (next.meta.staffLabels) {
    delete next.meta.staffLabels[id];
    if (!Object.keys(next.meta.staffLabels).length) delete next.meta.staffLabels;
  }
  const roles = next.meta.roles;
  if (roles.name === id) delete roles.name;
  if (roles.latinName === id) delete roles.latinName;
  if (roles.phone === id) delete roles.phone;
  if (roles.contactEmail) {
    roles.contactEmail = roles.contactEmail.filter((f) => f !== id);
    if (!roles.contactEmail.length) delete roles.contactEmail;
  }
  for (const texts of Object.values(next.texts)) if (texts) delete texts.fields[id];
  return next;
}

/**
 * Moves a question one place up (`-1`) or down (`1`); past the first or last place of its step it goes to the end of
 * the step before or the start of the step after. A question never moves above the question its condition names.
 */
export function moveQuestion(def: FormDefinition, id: string, delta: -1 | 1): FormDefinition {
  const order = stepsOfDefinition(def).flatMap((s) => s.fields.map((f) => ({ step: s.id, field: f })));
  const at = order.findIndex((o) => o.field === id);
  if (at < 0) return def;
  const steps = stepsOfDefinition(def).map((s) => ({ ...s, fields: [...s.fields] }));
  const stepIndex = steps.findIndex((s) => s.fields.includes(id));
  const step = steps[stepIndex]!;
  const place = step.fields.indexOf(id);
  const target = place + delta;
  if (target >= 0 && target < step.fields.length) {
    step.fields.splice(place, 1);
    step.fields.splice(target, 0, id);
  } else {
    const neighbour = steps[stepIndex + delta];
    if (!neighbour) return def;
    step.fields.splice(place, 1);
    if (delta < 0) neighbour.fields.push(id);
    else neighbour.fields.unshift(id);
  }
  const next = copy(def);
  setSteps(next, steps);
  const flat = steps.flatMap((s) => s.fields);
  const ok = (q: string) => {
    const source = conditionOf(next, q)?.field;
    return source === undefined || flat.indexOf(source) < flat.indexOf(q);
  };
  return flat.every(ok) ? next : def;
}

/** Makes a question required or optional, wherever it is asked (always, or under its condition). */
export function setRequired(def: FormDefinition, id: string, required: boolean): FormDefinition {
  const condition = conditionOf(def, id);
  if (ruleOf(def, id) && !condition) throw new Error(`'${id}' is asked under a rule the editor does not make; use the JSON view.`);
  if (condition) return setCondition(def, id, condition, required);
  const next = copy(def);
  const rest = (next.schema.required ?? []).filter((f) => f !== id);
  next.schema.required = required ? [...rest, id] : rest;
  return next;
}

/**
 * Asks a question only when an earlier answer is `condition.value` (or, for several choices, includes it); without a
 * condition it is asked always. `required` says whether it must then be answered (by default, as it was).
 */
export function setCondition(
  def: FormDefinition,
  id: string,
  condition: Condition | undefined,
  required = questionOf(def, id).required,
): FormDefinition {
  const next = copy(def);
  const found = ruleOf(next, id);
  const rules = [...(next.schema.allOf ?? [])];
  if (found) {
    const then = found.rule.then ?? {};
    const others = (then.required ?? []).filter((f) => f !== id);
    const shown = Object.fromEntries(Object.entries(then.properties ?? {}).filter(([f]) => f !== id));
    if (others.length || Object.keys(shown).length)
      rules[found.index] = {
        ...found.rule,
        then: { ...(others.length ? { required: others } : {}), ...(Object.keys(shown).length ? { properties: shown } : {}) },
      };
    else rules.splice(found.index, 1);
  }
  next.schema.required = (next.schema.required ?? []).filter((f) => f !== id);
  if (condition) {
    const source = next.schema.properties?.[condition.field];
    if (!source) throw new Error(`The form has no question '${condition.field}'.`);
    const test = source.type === 'array' ? { type: 'array', contains: { const: condition.value } } : { const: condition.value };
    rules.push({
      if: { type: 'object', properties: { [condition.field]: test }, required: [condition.field] },
      // `true` as a property schema: shown, and anything goes (the question's own schema still applies).
      then: required ? { required: [id] } : { properties: { [id]: true as unknown as JsonSchema } },
    });
  } else if (required) next.schema.required.push(id);
  if (rules.length) next.schema.allOf = rules;
  else delete next.schema.allOf;
  return next;
}

/** Sets a question's limits; `undefined` takes a limit away. */
export function setLimits(def: FormDefinition, id: string, limits: Limits): FormDefinition {
  const next = copy(def);
  const schema = next.schema.properties?.[id];
  if (!schema) throw new Error(`The form has no question '${id}'.`);
  for (const key of LIMIT_KEYS) {
    if (!(key in limits)) continue;
    const value = limits[key];
    if (value === undefined) delete schema[key];
    else schema[key] = value;
  }
  return next;
}

/** Sets the choices of a one- or several-choice question by value; texts of removed values go from every language. */
export function setOptions(def: FormDefinition, id: string, values: string[]): FormDefinition {
  const next = copy(def);
  const schema = next.schema.properties?.[id];
  if (!schema) throw new Error(`The form has no question '${id}'.`);
  if (schema.type === 'array' && schema.items) {
    schema.items.enum = values;
    if (typeof schema.maxItems === 'number') schema.maxItems = values.length;
  } else schema.enum = values;
  for (const texts of Object.values(next.texts)) {
    const options = texts?.fields[id]?.options;
    if (options) for (const key of Object.keys(options)) if (!values.includes(key)) delete options[key];
  }
  return next;
}

/** A new choice's value, unique among the question's choices (`option3`, …). */
export function newOptionValue(existing: string[]): string {
  let n = existing.length + 1;
  while (existing.includes(`option${n}`)) n++;
  return `option${n}`;
}

/** Marks a closed choice as safe for the staff email, or not. */
export function setEmailSafe(def: FormDefinition, id: string, safe: boolean): FormDefinition {
  const next = copy(def);
  const rest = next.meta.emailSafeFields.filter((f) => f !== id);
  next.meta.emailSafeFields = safe ? [...rest, id] : rest;
  return next;
}

/**
 * Sets one text of a language at a path under its texts (`['fields', 'topic', 'label']`, `['steps', 'you']`,
 * `['title']`); an empty text is taken away, so the lint names it as missing rather than serving it blank.
 */
export function setText(def: FormDefinition, lang: Lang, path: string[], value: string): FormDefinition {
  const next = copy(def);
  const texts = (next.texts[lang] ??= { title: '', description: '', next: '', steps: {}, fields: {}, consent: { text: '' } });
  let node = texts as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === '' && path.length > 1) delete node[last];
  else node[last] = value;
  return next;
}

/** Reads one text of a language at a path, or `''`. */
export function textAt(def: FormDefinition, lang: Lang, path: string[]): string {
  let node: unknown = def.texts[lang];
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' ? node : '';
}

/** Adds an empty step after `afterId` (or at the end). */
export function addStep(def: FormDefinition, id: string, afterId?: string): FormDefinition {
  const steps = [...stepsOfDefinition(def)];
  if (steps.some((s) => s.id === id)) throw new Error(`The form already has a step '${id}'.`);
  const at = afterId === undefined ? steps.length : steps.findIndex((s) => s.id === afterId) + 1;
  steps.splice(at, 0, { id, fields: [] });
  const next = copy(def);
  setSteps(next, steps);
  return next;
}

/** Removes an empty step and its titles. */
export function removeStep(def: FormDefinition, id: string): FormDefinition {
  const step = stepsOfDefinition(def).find((s) => s.id === id);
  if (step?.fields.length) throw new Error(`Step '${id}' still has questions; move or remove them first.`);
  const next = copy(def);
  setSteps(
    next,
    stepsOfDefinition(next).filter((s) => s.id !== id),
  );
  for (const texts of Object.values(next.texts)) if (texts) delete texts.steps[id];
  return next;
}

/** Moves a step one place up or down. */
export function moveStep(def: FormDefinition, id: string, delta: -1 | 1): FormDefinition {
  const steps = [...stepsOfDefinition(def)];
  const at = steps.findIndex((s) => s.id === id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= steps.length) return def;
  const [step] = steps.splice(at, 1);
  steps.splice(to, 0, step!);
  const next = copy(def);
  setSteps(next, steps);
  const flat = steps.flatMap((s) => s.fields);
  const ordered = flat.every((q) => {
    const source = conditionOf(next, q)?.field;
    return source === undefined || flat.indexOf(source) < flat.indexOf(q);
  });
  return ordered ? next : def;
}
