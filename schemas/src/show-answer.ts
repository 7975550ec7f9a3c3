import { fill } from './i18n.js';
import type { LocalizedForm } from './localize.js';
import { formatNumber } from './numbers.js';
import { isEmptyAnswer } from './empty-answer.js';
import type { JsonSchema, UiSchema } from './types.js';

/** An answer in words: the values chosen or written, or for a repeating group each item with its own answers. */
export type ShownAnswer = { kind: 'values'; values: string[] } | { kind: 'items'; items: ShownItem[] };

/** One item of a repeating group ("Lapsi 2") with its answers. */
export interface ShownItem {
  title: string;
  lines: ShownLine[];
}

/** A question's label and its answer. */
export interface ShownLine {
  field: string;
  label: string;
  answer: ShownAnswer;
}

/** The words a form is shown in: a localized form (titles and option names placed by `localize`). */
export type AnswerForm = Pick<LocalizedForm, 'schema' | 'uiSchema' | 'lang'>;

type OptionNames = Record<string, string> | string[] | undefined;

function optionLabel(names: OptionNames, value: unknown, index: number): string {
  if (Array.isArray(names)) return names[index] ?? String(value);
  return names?.[String(value)] ?? String(value);
}

/**
 * A date or a number the way `lang` writes it: a date as "12. maaliskuuta 1985" or "۱۲ مارس ۱۹۸۵", a year or a count
 * in the language's digits and never with a thousands separator ("1985", not "1 985").
 */
function written(schema: JsonSchema, value: string | number, lang: string): string {
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof schema['format'] === 'string' && schema['format'].endsWith('date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // Midnight UTC, written in UTC: the day the resident gave, wherever the reader is. Gregorian, as the form asks
    // (fa and th would otherwise turn 1985 into 1363 or 2528).
    const day = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(day.getTime()))
      return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(day);
  }
  return String(value);
}

function showValue(schema: JsonSchema, ui: UiSchema | undefined, value: unknown, yesNo: [string, string], lang: string): string[] {
  if (isEmptyAnswer(value)) return [];
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
  return [typeof value === 'string' || typeof value === 'number' ? written(schema, value, lang) : JSON.stringify(value)];
}

/**
 * A repeating group's words for item `index` (from 0), numbered in `lang`: its title ("Lapsi 1", "Дитина 2"), or with
 * `which = 'removeLabel'` its remove button ("Poista lapsi 2").
 */
export function itemTitle(ui: UiSchema | undefined, index: number, lang: string, which: 'itemTitle' | 'removeLabel' = 'itemTitle'): string {
  const template = (ui?.['ui:options'] as Record<string, string | undefined> | undefined)?.[which] ?? '{{number}}';
  return fill(template, { number: index + 1 }, lang);
}

/**
 * One answer in words, the one way every reader sees it (the review page, staff detail, staff mail, the export):
 * option labels instead of codes, the form's own words for yes and no (else `yesNo`), dates and numbers as `lang`
 * writes them, and each item of a repeating group numbered with its questions and answers.
 */
export function showAnswer(
  schema: JsonSchema,
  ui: UiSchema | undefined,
  value: unknown,
  yesNo: [string, string],
  lang: string,
): ShownAnswer {
  if (Array.isArray(value) && schema.items?.type === 'object') {
    const itemSchema = schema.items;
    const itemUi = ui?.['items'] as UiSchema | undefined;
    return {
      kind: 'items',
      items: value.map((item, index) => ({
        title: itemTitle(ui, index, lang),
        lines: Object.entries(itemSchema.properties ?? {})
          .filter(([field]) => item && typeof item === 'object' && (item as Record<string, unknown>)[field] !== undefined)
          .map(([field, fieldSchema]) => ({
            field,
            label: fieldSchema.title ?? field,
            answer: showAnswer(fieldSchema, itemUi?.[field] as UiSchema | undefined, (item as Record<string, unknown>)[field], yesNo, lang),
          })),
      })),
    };
  }
  return { kind: 'values', values: showValue(schema, ui, value, yesNo, lang) };
}

/** A top-level answer of a localized form in words. */
export function showFormAnswer(form: AnswerForm, field: string, value: unknown, yesNo: [string, string]): ShownAnswer {
  return showAnswer(form.schema.properties?.[field] ?? {}, form.uiSchema[field] as UiSchema | undefined, value, yesNo, form.lang);
}

/** An answer on one line, for mail and spreadsheets: "Lapsi 1: Lapsen etunimi: Olena, Ikä: 7; Lapsi 2: ...". */
export function answerLine(answer: ShownAnswer): string {
  if (answer.kind === 'values') return answer.values.join(', ');
  return answer.items.map((item) => `${item.title}: ${item.lines.map((l) => `${l.label}: ${answerLine(l.answer)}`).join(', ')}`).join('; ');
}
