import type { FormDefinition, FormMeta } from './types.js';

/**
 * The Finnish name staff read a question by, in the mail, the detail and the export: the form's staff label
 * (`meta.staffLabels`, "Yhteydenottotapa") where it has one, else the question's Finnish label as the resident saw it.
 */
export function staffLabel(meta: Pick<FormMeta, 'staffLabels'>, field: string, finnishLabel: string | undefined): string {
  return meta.staffLabels?.[field] ?? finnishLabel ?? field;
}

/** The Finnish title staff know a form by (its texts in Finnish), or its id where it has none yet. */
export function staffFormTitle(form: Pick<FormDefinition, 'id' | 'texts'>): string {
  return form.texts.fi?.title ?? form.id;
}
