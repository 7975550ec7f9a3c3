import type { LocalizedForm } from '../../../schemas/src/index.js';

// The feedback form's `service` question, chosen ahead: by the confirmation page of another form (`?service=`),
// or fixed by a personal feedback link (`?invite=`), which the server checks again when the answers come. Loaded
// only when a page is opened so: every other form page does without it.
const FIELD = 'service';

export interface Preset {
  form: LocalizedForm;
  /** The answers to start with. */
  answers?: Record<string, string>;
  /** The service's name in the form's language, when the link fixes it. */
  fixedName?: string;
}

/** The form with `value` chosen as the service (and, when `fixed`, the only one), if the form offers it. */
export function presetService(form: LocalizedForm, value: string, fixed: boolean): Preset {
  const property = form.schema.properties?.[FIELD];
  if (!Array.isArray(property?.enum) || !property.enum.includes(value)) return { form };
  const answers = { [FIELD]: value };
  if (!fixed) return { form, answers };
  const names = (form.uiSchema[FIELD] as Record<string, unknown> | undefined)?.['ui:enumNames'] as Record<string, string> | undefined;
  const properties = { ...form.schema.properties, [FIELD]: { ...property, enum: [value] } };
  return { form: { ...form, schema: { ...form.schema, properties } }, answers, fixedName: names?.[value] ?? value };
}
