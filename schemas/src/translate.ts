import { interpolate } from './interpolate.js';
import { formatNumber } from './numbers.js';
import { flattenTexts } from './texts.js';

/** i18next's plural key suffixes, one per CLDR plural category (`key_one`, `key_few`, ...). */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The value at a dotted key of nested i18next-style JSON. */
export function lookup(texts: unknown, key: string): unknown {
  let node = texts;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Whether `texts` has `key`, as a plain text or as plural forms. */
export function hasText(texts: unknown, key: string): boolean {
  return typeof lookup(texts, key) === 'string' || typeof lookup(texts, `${key}_other`) === 'string';
}

/**
 * Translates a key of i18next-style JSON: with a numeric `count`, picks the plural form the language needs through
 * `Intl.PluralRules` (`key_one`, `key_few`, ... `key_other`; Arabic has six). Every number is written with `Intl`
 * in the digits it uses for the language ("step ۲ of ۴" in Persian). Undefined when the key is missing, so the caller can
 * fall back to another language.
 */
export function translate(texts: unknown, key: string, lang: string, vars: Record<string, string | number> = {}): string | undefined {
  const written = Object.values(vars).some((v) => typeof v === 'number')
    ? Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, lang) : value]))
    : vars;
  const count = vars['count'];
  if (typeof count === 'number') {
    const form = lookup(texts, `${key}_${new Intl.PluralRules(lang).select(count)}`) ?? lookup(texts, `${key}_other`);
    if (typeof form === 'string') return interpolate(form, written);
  }
  const text = lookup(texts, key);
  return typeof text === 'string' ? interpolate(text, written) : undefined;
}

/** Keys with plural forms folded to their base (`form.errorCount_one` → `form.errorCount`), sorted and unique. */
export function baseKeys(texts: unknown): string[] {
  return [...new Set([...flattenTexts(texts).keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();
}

/** Plural keys whose forms are not exactly the categories `lang` needs (e.g. Russian one/few/many/other). */
export function pluralProblems(lang: string, texts: unknown): string[] {
  const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
  const forms = new Map<string, string[]>();
  for (const key of flattenTexts(texts).keys()) {
    const m = PLURAL_SUFFIX.exec(key);
    if (m) forms.set(key.slice(0, m.index), [...(forms.get(key.slice(0, m.index)) ?? []), m[1]!]);
  }
  return [...forms]
    .filter(([, have]) => have.sort().join() !== needed.join())
    .map(([base, have]) => `${lang}: ${base} has plural forms ${have.join(', ')}; ${lang} needs ${needed.join(', ')}`);
}
