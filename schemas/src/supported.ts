import type { JsonSchema } from './types.js';

/**
 * What a form definition may ask of the resident form page, the one list of it. The page carries only the parts of
 * rjsf these need (`web/vite/slim-rjsf.ts` drops the rest of its widgets, fields and templates), so the lint refuses
 * a definition that asks for anything else: such a form would not render.
 */

/** The kinds of question, each a schema shape that rjsf renders with a field and a widget the page carries. */
export type FieldKind = 'text' | 'number' | 'choice' | 'yesNo' | 'choices' | 'group' | 'object';

/**
 * The `ui:widget` each kind may choose. Without one, rjsf picks: `text` for text and numbers (the `email` widget for
 * `format: email`, the date widget for the date formats), `select` for a choice or several choices, `checkbox` for
 * yes/no.
 */
export const WIDGETS: Readonly<Record<FieldKind, readonly string[]>> = {
  text: ['text', 'textarea'],
  number: ['text'],
  choice: ['radio', 'select'],
  yesNo: ['checkbox', 'radio', 'select'],
  choices: ['checkboxes', 'select'],
  group: [],
  object: [],
};

/** String formats: the kit's ajv knows these (`ajv-options.ts`) and the page has a widget for each. */
export const FORMATS: readonly string[] = ['email', 'date', 'birth-date'];

/** Keywords a question's schema may use; everything else (`$ref`, `anyOf`, `oneOf`, `allOf`, `if`, `dependencies`, …) is refused. */
export const FIELD_KEYWORDS: readonly string[] = [
  'type',
  'enum',
  'const',
  'default',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'properties',
  'required',
  'additionalProperties',
  '$comment',
];

/** Keywords of the form's own schema: its questions and its `allOf` of `if`/`then` rules. */
export const ROOT_KEYWORDS: readonly string[] = ['$comment', 'type', 'properties', 'required', 'additionalProperties', 'allOf'];

/** uiSchema keys of a question, and the `ui:options` it may set (with the type or values of each). */
export const UI_KEYS: readonly string[] = ['ui:widget', 'ui:options', 'ui:autocomplete'];
export const UI_OPTIONS: Readonly<Record<string, 'boolean' | 'number' | readonly string[]>> = {
  inputType: ['text', 'tel', 'email'],
  rows: 'number',
  orderable: 'boolean',
  keepOffDevice: 'boolean',
  fromPageLanguage: 'boolean',
};

const SCALARS = ['string', 'integer', 'number'];

/** The kind of question a schema is, or undefined when the page cannot render it. */
export function fieldKind(schema: JsonSchema): FieldKind | undefined {
  const closed = Array.isArray(schema.enum) || 'const' in schema;
  switch (schema.type) {
    case 'string':
      return closed ? 'choice' : 'text';
    case 'integer':
    case 'number':
      return closed ? 'choice' : 'number';
    case 'boolean':
      return 'yesNo';
    case 'object':
      return 'object';
    case 'array': {
      const items = schema.items;
      if (!items || typeof items !== 'object' || Array.isArray(items)) return undefined;
      if (items.type === 'object') return 'group';
      // rjsf shows a list of options as one multi-choice control only when the answers are unique.
      if (SCALARS.includes(items.type as string) && Array.isArray(items.enum) && schema['uniqueItems'] === true) return 'choices';
      return undefined;
    }
    default:
      return undefined;
  }
}
