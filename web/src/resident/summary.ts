import type { JsonSchema, LocalizedForm, LocalizedStep, UiSchema } from '../../../schemas/src/index.js';
import { stepsOf, visibleFields, type Answers } from './steps.js';

export interface AnswerLine {
  field: string;
  label: string;
  /** The answer as the resident chose or wrote it, one entry per chosen option; empty when not answered. */
  values: string[];
}

export interface StepSummary {
  index: number;
  step: LocalizedStep;
  lines: AnswerLine[];
}

type OptionNames = Record<string, string> | string[] | undefined;

function optionLabel(names: OptionNames, value: unknown, index: number): string {
  if (Array.isArray(names)) return names[index] ?? String(value);
  return names?.[String(value)] ?? String(value);
}

/**
 * A date or a number the way `lang` writes it: a date of birth as "12. maaliskuuta 1985" or "۱۲ مارس ۱۹۸۵",
 * a year or a count in the language's digits and never with a thousands separator ("1985", not "1 985").
 */
function written(schema: JsonSchema, value: string | number, lang: string): string {
  if (typeof value === 'number') return new Intl.NumberFormat(lang, { useGrouping: false }).format(value);
  if (schema.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // Midnight UTC, written in UTC: the day the resident picked, wherever the phone is. Gregorian, as the form
    // asks and the date field shows (fa and th would otherwise turn 1985 into 1363 or 2528).
    const day = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(day.getTime())) return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(day);
  }
  return value;
}

/**
 * An answer in words: option labels instead of codes (`ui:enumNames`), Yes/No for a boolean without its own
 * labels, dates and numbers written the way `lang` writes them. `yesNo` holds the interface's words for true and false.
 */
export function displayValue(schema: JsonSchema, ui: UiSchema | undefined, value: unknown, yesNo: [string, string], lang: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'boolean') {
    const names = ui?.['ui:enumNames'] as OptionNames;
    return [Array.isArray(names) && names.length === 2 ? optionLabel(names, value, value ? 0 : 1) : yesNo[value ? 0 : 1]];
  }
  if (Array.isArray(value)) {
    const names = (ui?.['items'] as UiSchema | undefined)?.['ui:enumNames'] as OptionNames;
    const options = schema.items?.enum ?? [];
    return value.map((v) => optionLabel(names, v, options.indexOf(v)));
  }
  if (schema.enum) return [optionLabel(ui?.['ui:enumNames'] as OptionNames, value, schema.enum.indexOf(value))];
  return [typeof value === 'string' || typeof value === 'number' ? written(schema, value, lang) : String(value)];
}

/** Every visible question of a form with its label and answer, step by step, for the review page. */
export function summarize(form: LocalizedForm, answers: Answers, yesNo: [string, string]): StepSummary[] {
  const lang = form.lang;
  return stepsOf(form).map((step, index) => ({
    index,
    step,
    lines: visibleFields(form, step, answers).map((field) => {
      const schema = form.schema.properties![field]!;
      return {
        field,
        label: schema.title ?? field,
        values: displayValue(schema, form.uiSchema[field] as UiSchema | undefined, answers[field], yesNo, lang),
      };
    }),
  }));
}
