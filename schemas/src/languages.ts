/** The languages offered to residents, each named in its own script (`name`) and as Finnish staff say it (`fi`). */
export const LANGUAGES = [
  { code: 'fi', name: 'suomi', fi: 'suomi', dir: 'ltr' },
  { code: 'sv', name: 'svenska', fi: 'ruotsi', dir: 'ltr' },
  { code: 'en', name: 'English', fi: 'englanti', dir: 'ltr' },
  { code: 'ru', name: 'русский', fi: 'venäjä', dir: 'ltr' },
  { code: 'uk', name: 'українська', fi: 'ukraina', dir: 'ltr' },
  { code: 'et', name: 'eesti', fi: 'viro', dir: 'ltr' },
  { code: 'ar', name: 'العربية', fi: 'arabia', dir: 'rtl' },
  { code: 'fa', name: 'دری / فارسی', fi: 'dari / persia', dir: 'rtl' },
  { code: 'th', name: 'ไทย', fi: 'thai', dir: 'ltr' },
  { code: 'tl', name: 'Tagalog', fi: 'tagalog', dir: 'ltr' },
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

/** A resident's language named in Finnish for staff ("ukraina"); an unknown code as it came. */
export function languageNameFi(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.fi ?? code;
}

/** Writing direction of a language. */
export function dirOf(lang: Lang): Dir {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}
