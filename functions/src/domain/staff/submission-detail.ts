import type { FormDefinition, FormStep, JsonSchema } from '../../../../schemas/src/index.js';
import type { Submission } from '../submission.js';

/** One answer for staff: the Finnish label and value beside what the resident saw, free text marked with its language. */
export interface AnswerView {
  field: string;
  label: string;
  residentLabel: string;
  value: unknown;
  display: string;
  residentDisplay: string;
  freeText: boolean;
  lang: string;
}

function isFreeText(schema: JsonSchema | undefined): boolean {
  return schema?.type === 'string' && !schema.enum && schema['format'] === undefined && schema['pattern'] === undefined;
}

function fieldOrder(form: FormDefinition): string[] {
  const steps = form.uiSchema['ui:steps'] as FormStep[] | undefined;
  return steps ? steps.flatMap((s) => s.fields) : Object.keys(form.schema.properties ?? {});
}

/** Shows a value with option labels of one language; arrays of objects become "label: value" lines. */
function display(form: FormDefinition, lang: 'fi' | string, field: string, value: unknown): string {
  const texts = form.texts[lang as 'fi'] ?? form.texts.fi!;
  const options = texts.fields[field]?.options;
  const yesNo = lang === 'fi' ? { true: 'kyllä', false: 'ei' } : undefined;
  const one = (v: unknown): string =>
    options?.[String(v)] ?? (typeof v === 'boolean' && yesNo ? yesNo[String(v) as 'true' | 'false'] : String(v));
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v !== null && typeof v === 'object'
          ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${texts.fields[k]?.label ?? k}: ${display(form, lang, k, x)}`).join(', ')
          : one(v),
      )
      .join('; ');
  }
  return one(value);
}

/** The answers of a submission in form order, labelled in Finnish and in the resident's language. */
export function answerViews(form: FormDefinition, submission: Submission): AnswerView[] {
  const fi = form.texts.fi!;
  const resident = form.texts[submission.lang] ?? fi;
  return fieldOrder(form)
    .filter((field) => submission.answers[field] !== undefined)
    .map((field) => {
      const value = submission.answers[field];
      const freeText = isFreeText(form.schema.properties?.[field]) && field !== 'fullName' && field !== 'latinName';
      return {
        field,
        label: fi.fields[field]?.label ?? field,
        residentLabel: resident.fields[field]?.label ?? field,
        value,
        display: display(form, 'fi', field, value),
        residentDisplay: display(form, submission.lang, field, value),
        freeText,
        lang: freeText ? submission.lang : 'fi',
      };
    });
}
