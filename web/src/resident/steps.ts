import {
  conditionalRules,
  formSteps,
  hiddenFields,
  type JsonSchema,
  type LocalizedForm,
  type LocalizedStep,
  type UiSchema,
} from '../../../schemas/src/index.js';

export type Answers = Record<string, unknown>;

/** Where the resident is in a form: a step's index or the review of all answers. */
export type Position = number | 'review';

/** The steps of a localized form, each with its title (the form's title for a form of one step). */
export function stepsOf(form: LocalizedForm): LocalizedStep[] {
  return formSteps<LocalizedStep>(form).map((step) => (step.title ? step : { ...step, title: form.title }));
}

/** The fields of a step that the answers make visible, in the step's order. */
export function visibleFields(form: LocalizedForm, step: LocalizedStep, answers: Answers): string[] {
  const hidden = hiddenFields(form.schema, answers);
  return step.fields.filter((field) => !hidden.has(field) && form.schema.properties?.[field] !== undefined);
}

/**
 * A schema of just the given visible fields, for rjsf to render one step. A conditional field is visible
 * only while its rule holds, and then its rule makes it required.
 */
export function stepSchema(form: LocalizedForm, fields: string[]): JsonSchema {
  const conditional = new Set(conditionalRules(form.schema).flatMap((rule) => rule.fields));
  const properties = Object.fromEntries(fields.map((field) => [field, form.schema.properties![field]!]));
  const required = fields.filter((field) => form.schema.required?.includes(field) || conditional.has(field));
  return { type: 'object', additionalProperties: false, properties, required };
}

/** The uiSchema entries of the given fields. */
export function stepUiSchema(form: LocalizedForm, fields: string[]): UiSchema {
  return Object.fromEntries(fields.filter((f) => form.uiSchema[f] !== undefined).map((f) => [f, form.uiSchema[f]]));
}

/** The answers to the given fields, leaving out unanswered ones. */
export function pickAnswers(answers: Answers, fields: string[]): Answers {
  return Object.fromEntries(fields.filter((f) => answers[f] !== undefined).map((f) => [f, answers[f]]));
}

/** All answers with a step's fields replaced by what rjsf reports for them (a cleared field is removed). */
export function mergeStepAnswers(answers: Answers, fields: string[], stepData: Answers | undefined): Answers {
  const merged: Answers = { ...answers };
  for (const field of fields) {
    const value = stepData?.[field];
    if (value === undefined || value === null) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}

/** The top-level field a contract error path names: `/answers/topics/0` is `topics`. */
export function topFieldOf(path: string): string {
  return path.split('/')[2] ?? '';
}

/**
 * The question a contract error path names, below `/answers`: `/answers/children/1/childAge` is `children/1/childAge`;
 * a chosen option (`/answers/topics/0`) belongs to its question, `topics`.
 */
export function fieldPathOf(path: string): string {
  return path
    .split('/')
    .slice(2)
    .join('/')
    .replace(/\/\d+$/, '');
}

/**
 * The answers a step starts from: a repeating group that must have an item shows its first one at once (the parent
 * who chose "for my child" sees "Child 1" to fill, not an empty list), and a question marked `fromPageLanguage`
 * starts at the page's language when it is one of its choices.
 */
export function withStartingAnswers(form: LocalizedForm, fields: string[], answers: Answers): Answers {
  const out = { ...answers };
  for (const field of fields) {
    const schema = form.schema.properties?.[field];
    const options = (form.uiSchema[field] as UiSchema | undefined)?.['ui:options'] as { fromPageLanguage?: boolean } | undefined;
    if (!schema || out[field] !== undefined) continue;
    if (schema.type === 'array' && schema.items?.type === 'object' && Number(schema['minItems'] ?? 0) > 0) out[field] = [{}];
    else if (options?.fromPageLanguage && schema.enum?.includes(form.lang)) out[field] = form.lang;
  }
  return out;
}

/** The index of the first step holding one of `fields`, or -1. */
export function firstStepWith(steps: LocalizedStep[], fields: Iterable<string>): number {
  const wanted = new Set(fields);
  return steps.findIndex((step) => step.fields.some((field) => wanted.has(field)));
}

export { withoutEmpty } from '../../../schemas/src/empty-answer.js';

/** The position kept in a history entry's state, if it is a valid one for a form of `stepCount` steps. */
export function positionFrom(state: unknown, stepCount: number): Position | undefined {
  const position = state && typeof state === 'object' ? (state as { position?: unknown }).position : undefined;
  if (position === 'review') return 'review';
  if (typeof position === 'number' && Number.isInteger(position) && position >= 0 && position < stepCount) return position;
  return undefined;
}
