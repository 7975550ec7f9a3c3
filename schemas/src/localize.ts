import type { Dir, Lang } from './languages.js';
import type { FieldLookup } from './messages.js';
import type { FormStep, JsonSchema, UiSchema } from './types.js';

// Turning a definition into a LocalizedForm is `localize` in `localize-form.ts`: the server's (and the admin
// preview's) work. This module keeps what a resident's page reads of a localized form, so the page carries no more.

/** What a resident's browser receives: the schema and uiSchema with every text in one language. */
export interface LocalizedForm {
  id: string;
  version: number;
  lang: Lang;
  dir: Dir;
  title: string;
  description: string;
  /** What happens after sending, with the town's details filled in. */
  next: string;
  /** The form a resident is likely to need next, if any. */
  suggest?: string;
  schema: JsonSchema;
  uiSchema: UiSchema;
}

export interface LocalizedStep extends FormStep {
  title: string;
}

/** A field's schema and uiSchema at any depth (field ids are unique within a form), with the group it repeats in. */
export function findField(schema: JsonSchema, ui: UiSchema, id: string): { schema: JsonSchema; ui: UiSchema | undefined } | undefined {
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const propUi = ui[key] as UiSchema | undefined;
    if (key === id) return { schema: prop, ui: propUi };
    if (prop.type === 'array' && prop.items?.type === 'object') {
      const inner = findField(prop.items, (propUi?.['items'] as UiSchema | undefined) ?? {}, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** A localized form's labels, own error texts and item titles by field id, for `describeErrors` in the browser. */
export function localizedFieldLookup(form: Pick<LocalizedForm, 'schema' | 'uiSchema'>): FieldLookup {
  return (id) => {
    const found = findField(form.schema, form.uiSchema, id);
    if (!found) return undefined;
    const errors = found.ui?.['ui:errorMessages'] as Record<string, string> | undefined;
    const item = (found.ui?.['ui:options'] as { itemTitle?: string } | undefined)?.itemTitle;
    return { label: found.schema.title ?? id, ...(errors ? { errors } : {}), ...(item ? { item } : {}) };
  };
}

/**
 * The steps of a form (`ui:steps`), the one reading of them: a form without steps is one step, `all`, of all its
 * fields. Localized forms keep their steps' titles.
 */
export function formSteps<S extends FormStep = FormStep>(form: { schema: JsonSchema; uiSchema: UiSchema }): S[] {
  const steps = form.uiSchema['ui:steps'] as S[] | undefined;
  if (steps?.length) return steps;
  return [{ id: 'all', fields: Object.keys(form.schema.properties ?? {}) } as S];
}

/** The fields of a form in the order its steps ask them. */
export function fieldOrder(form: { schema: JsonSchema; uiSchema: UiSchema }): string[] {
  return formSteps(form).flatMap((step) => step.fields);
}
