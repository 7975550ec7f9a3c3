/**
 * The languages offered to residents, each named in its own script (`name`); staff name them in their own texts
 * (`languages.<code>` in `schemas/texts/staff/`).
 */
export const LANGUAGES = [
  { code: 'fi', name: 'suomi', dir: 'ltr' },
  { code: 'sv', name: 'svenska', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ru', name: 'русский', dir: 'ltr' },
  { code: 'uk', name: 'українська', dir: 'ltr' },
  { code: 'et', name: 'eesti', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'fa', name: 'دری / فارسی', dir: 'rtl' },
  { code: 'th', name: 'ไทย', dir: 'ltr' },
  { code: 'tl', name: 'Tagalog', dir: 'ltr' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];
export type Dir = 'ltr' | 'rtl';

/** Languages every published form must offer (programme section 6). */
export const REQUIRED_LANGUAGES: readonly Lang[] = ['fi', 'en'];

const CODES = new Set<string>(LANGUAGES.map((l) => l.code));

/** True when `value` is one of the offered language codes. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && CODES.has(value);
}

/** Writing direction of a language. */
export function dirOf(lang: Lang): Dir {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}
