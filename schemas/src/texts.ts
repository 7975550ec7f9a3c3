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
