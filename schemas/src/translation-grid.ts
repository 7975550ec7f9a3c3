import { LANGUAGES, type Lang } from './languages.js';
import { setText, stepsOfDefinition } from './questions.js';
import { flattenTexts } from './texts.js';
import type { FormDefinition, JsonSchema } from './types.js';

/**
 * A form's texts as a grid for the workbench's Translations tab: every text key (rows) by language (columns), with
 * empty cells and each language's completeness, and a language's texts out as an i18next JSON file for a translator
 * and back in, with the changes listed before they are applied. Keys are dotted paths into `texts.<lang>`
 * (`fields.childAge.label`), as the lint names them.
 */

export interface GridRow {
  /** The dotted key, e.g. `fields.hobbyFor.options.me`. */
  key: string;
  /** The text per language; `''` when the language has none. */
  cells: Partial<Record<Lang, string>>;
}

export interface Completeness {
  filled: number;
  total: number;
}

export interface TranslationGrid {
  /** Finnish first, then every language the form has texts in or offers, in the service's order. */
  langs: Lang[];
  rows: GridRow[];
  completeness: Partial<Record<Lang, Completeness>>;
}

export const isEmptyText = (text: string | undefined) => text === undefined || text.trim() === '';

/** The languages of the grid: Finnish and every language the form offers or has texts in. */
export function gridLanguages(def: FormDefinition): Lang[] {
  const present = new Set<string>(['fi', ...Object.keys(def.meta.languages), ...Object.keys(def.texts)]);
  return LANGUAGES.map((l) => l.code).filter((code) => present.has(code));
}

/** A question's nested questions (a repeating group's item fields, an object's properties), in schema order. */
function nestedOf(schema: JsonSchema): [string, JsonSchema][] {
  const inner = schema.type === 'array' ? schema.items : schema;
  return Object.entries(inner?.properties ?? {});
}

/** Every question with its schema: step by step, each followed by its nested ones; then any not in a step. */
function questionsInOrder(def: FormDefinition): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  const seen = new Set<string>();
  const visit = (id: string, schema: JsonSchema) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push([id, schema]);
    for (const [inner, s] of nestedOf(schema)) visit(inner, s);
  };
  const top = def.schema.properties ?? {};
  for (const step of stepsOfDefinition(def)) for (const id of step.fields) if (top[id]) visit(id, top[id]);
  for (const [id, schema] of Object.entries(top)) visit(id, schema);
  return out;
}

/** The option values a question's texts name (a yes/no question's `true` and `false` too; not the consent's). */
function optionValues(schema: JsonSchema): string[] {
  if (schema.type === 'boolean') return schema.const === undefined ? ['true', 'false'] : [];
  const values = schema.type === 'array' ? schema.items?.enum : schema.enum;
  return Array.isArray(values) ? values.map(String) : [];
}

const FIELD_PARTS = ['label', 'hint', 'options', 'errors', 'item', 'add', 'remove'];

/** The keys every language needs whatever is written yet: the form's own texts, step titles, labels, hints, options. */
function neededKeys(def: FormDefinition): string[] {
  const keys = ['title', 'description', 'next', ...stepsOfDefinition(def).map((s) => `steps.${s.id}`)];
  for (const [id, schema] of questionsInOrder(def)) {
    keys.push(`fields.${id}.label`);
    if (id !== def.meta.roles?.consent) keys.push(`fields.${id}.hint`);
    for (const value of optionValues(schema)) keys.push(`fields.${id}.options.${value}`);
    if (schema.type === 'array' && schema.items?.type === 'object')
      keys.push(`fields.${id}.item`, `fields.${id}.add`, `fields.${id}.remove`);
  }
  keys.push('consent.text');
  return keys;
}

/** A sort key: title, description, next, steps in step order, fields in question order part by part, consent. */
function rankOf(def: FormDefinition): (key: string) => (number | string)[] {
  const steps = stepsOfDefinition(def).map((s) => s.id);
  const questions = questionsInOrder(def);
  const fieldIndex = new Map(questions.map(([id], i) => [id, i]));
  const options = new Map(questions.map(([id, s]) => [id, optionValues(s)]));
  const at = (list: string[], item: string) => (list.includes(item) ? list.indexOf(item) : list.length);
  return (key) => {
    const [section = '', id = '', part = '', sub = ''] = key.split('.');
    if (['title', 'description', 'next'].includes(section)) return [at(['title', 'description', 'next'], section)];
    if (section === 'steps') return [3, at(steps, id), id];
    if (section === 'fields') {
      const sub0 = part === 'options' ? at(options.get(id) ?? [], sub) : 0;
      return [4, fieldIndex.get(id) ?? questions.length, id, at(FIELD_PARTS, part), part, sub0, key];
    }
    return [section === 'consent' ? 5 : 6, key];
  };
}

function compareRanks(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** Every text key of the form, in reading order: what any language has, and what every language needs. */
export function textKeysOf(def: FormDefinition, langs: Lang[] = gridLanguages(def)): string[] {
  const keys = new Set(neededKeys(def));
  for (const lang of langs)
    for (const [key, value] of flattenTexts(def.texts[lang] ?? {})) if (typeof value === 'string' && key) keys.add(key);
  const rank = rankOf(def);
  const ranked = [...keys].map((key) => ({ key, rank: rank(key) }));
  return ranked.sort((a, b) => compareRanks(a.rank, b.rank)).map((r) => r.key);
}

/** One text of a language by its dotted key, or `''`. */
export function textOf(def: FormDefinition, lang: Lang, key: string): string {
  const value = flattenTexts(def.texts[lang] ?? {}).get(key);
  return typeof value === 'string' ? value : '';
}

/** The grid: rows of texts by language, and how many of its texts each language has. */
export function translationGrid(def: FormDefinition): TranslationGrid {
  const langs = gridLanguages(def);
  const flat = new Map(langs.map((lang) => [lang, flattenTexts(def.texts[lang] ?? {})]));
  const rows = textKeysOf(def, langs).map((key) => {
    const cells: Partial<Record<Lang, string>> = {};
    for (const lang of langs) {
      const value = flat.get(lang)!.get(key);
      cells[lang] = typeof value === 'string' ? value : '';
    }
    return { key, cells };
  });
  const completeness: Partial<Record<Lang, Completeness>> = {};
  for (const lang of langs) completeness[lang] = { filled: rows.filter((r) => !isEmptyText(r.cells[lang])).length, total: rows.length };
  return { langs, rows, completeness };
}

/** Sets one text by its dotted key (an empty text is removed, as the question editor does). */
export const setTextByKey = (def: FormDefinition, lang: Lang, key: string, value: string): FormDefinition =>
  setText(def, lang, key.split('.'), value);

/**
 * A language's texts as an i18next JSON object, the nested shape of `schemas/forms/<id>/texts/<lang>.json`, with
 * every key of the form in reading order: a text not written yet is `""`, for the translator to fill.
 */
export function exportLanguage(def: FormDefinition, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of textKeysOf(def)) {
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = textOf(def, lang, key);
  }
  return out;
}

/** The exported file's text: two-space indented JSON with a final newline. */
export const exportLanguageJson = (def: FormDefinition, lang: Lang) => `${JSON.stringify(exportLanguage(def, lang), null, 2)}\n`;

export interface ImportChange {
  key: string;
  kind: 'added' | 'changed' | 'removed';
  /** The draft's text now (`''` when added). */
  old: string;
  /** The file's text (`''` when removed). */
  new: string;
}

export interface ImportRefusal {
  /** The dotted key in the file; `''` for the file as a whole. */
  key: string;
  reason: 'not_object' | 'unknown_key' | 'not_text';
}

export interface ImportComparison {
  changes: ImportChange[];
  refusals: ImportRefusal[];
}

/**
 * What importing `json` as `lang`'s texts would change. The file stands for the whole language: a text it lacks or
 * leaves empty is removed. Keys the form does not have and values that are not text are refused, and change nothing.
 */
export function compareImport(def: FormDefinition, lang: Lang, json: unknown): ImportComparison {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { changes: [], refusals: [{ key: '', reason: 'not_object' }] };
  const keys = textKeysOf(def);
  const known = new Set(keys);
  const refusals: ImportRefusal[] = [];
  const incoming = new Map<string, string>();
  for (const [key, value] of flattenTexts(json)) {
    if (!known.has(key)) refusals.push({ key, reason: 'unknown_key' });
    else if (typeof value !== 'string') refusals.push({ key, reason: 'not_text' });
    else incoming.set(key, value);
  }
  const refused = new Set(refusals.map((r) => r.key));
  const changes: ImportChange[] = [];
  for (const key of keys) {
    if (refused.has(key)) continue;
    const old = textOf(def, lang, key);
    const next = incoming.get(key) ?? '';
    if (old === next || (isEmptyText(old) && isEmptyText(next))) continue;
    changes.push({ key, kind: isEmptyText(old) ? 'added' : isEmptyText(next) ? 'removed' : 'changed', old, new: next });
  }
  return { changes, refusals };
}

/** Applies the changes `compareImport` listed to the draft. */
export function applyImport(def: FormDefinition, lang: Lang, changes: ImportChange[]): FormDefinition {
  return changes.reduce((d, change) => setTextByKey(d, lang, change.key, change.kind === 'removed' ? '' : change.new), def);
}
