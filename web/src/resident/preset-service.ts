import type { LocalizedForm } from '../../../schemas/src/index.js';

// The feedback form's `service` question, chosen ahead: by the confirmation page of another form (`?service=`),
// or fixed by a personal feedback link (`?invite=`), which the server checks again when the answers come.
const FIELD = 'service';

/** Whether `value` is one of the form's answers to its service question. */
export function offersService(form: LocalizedForm, value: string): boolean {
  const enumeration = form.schema.properties?.[FIELD]?.enum;
  return Array.isArray(enumeration) && enumeration.includes(value);
}

/** The form with its service question narrowed to `value` alone, so it reads as already chosen. */
export function withServiceFixed(form: LocalizedForm, value: string): LocalizedForm {
  const properties = form.schema.properties!;
  return { ...form, schema: { ...form.schema, properties: { ...properties, [FIELD]: { ...properties[FIELD], enum: [value] } } } };
}

/** The service's name in the form's language. */
export function serviceName(form: LocalizedForm, value: string): string {
  const names = (form.uiSchema[FIELD] as Record<string, unknown> | undefined)?.['ui:enumNames'] as Record<string, string> | undefined;
  return names?.[value] ?? value;
}

/** The answers to start with: `value` as the service answer when the form offers it. */
export function withServiceAnswer<T extends { answers: Record<string, unknown> }>(start: T, form: LocalizedForm, value?: string | null): T {
  return value && offersService(form, value) ? { ...start, answers: { ...start.answers, [FIELD]: value } } : start;
}
