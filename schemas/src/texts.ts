import type { Lang } from './languages.js';
import type { FormDefinition } from './types.js';

/** Flattens nested i18next-style JSON into `a.b.c` keys with string values. */
export function flattenTexts(texts: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (texts === null || typeof texts !== 'object' || Array.isArray(texts)) {
    out.set(prefix, texts);
    return out;
  }
  for (const [key, value] of Object.entries(texts)) {
    for (const [k, v] of flattenTexts(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** Keys of `reference` that are missing or empty in `candidate`. */
export function missingKeys(reference: unknown, candidate: unknown): string[] {
  const have = flattenTexts(candidate);
  return [...flattenTexts(reference).keys()].filter((key) => {
    const value = have.get(key);
    return typeof value !== 'string' || value.trim() === '';
  });
}

/** Languages a form may be offered in: listed in its metadata and with every text present. */
export function offeredLanguages(form: FormDefinition): Lang[] {
  const reference = form.texts.fi;
  return (Object.keys(form.meta.languages) as Lang[]).filter(
    (lang) => form.texts[lang] !== undefined && missingKeys(reference, form.texts[lang]).length === 0,
  );
}

/** i18next's plural key suffixes, one per CLDR plural category (`key_one`, `key_few`, ...). */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

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
