import i18next from 'i18next';
import { LANGUAGES, isLang, type Lang } from '../../schemas/src/languages.js';

type Texts = Record<string, unknown>;

/** One chunk per language: a resident downloads only the texts of their own language. */
const loaders = import.meta.glob<Texts>('../../schemas/texts/*.json', { import: 'default' });
const loaderOf = new Map(Object.entries(loaders).map(([path, load]) => [path.replace(/^.*\/|\.json$/g, ''), load]));

/** The languages with interface texts, in the kit's order, each named in its own script. */
export const AVAILABLE_LANGUAGES = LANGUAGES.filter((l) => loaderOf.has(l.code));

/** Translates a key of the interface texts, filling `{{placeholders}}`. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface LoadedTexts {
  lang: Lang;
  t: Translate;
  /** The `errors.<keyword>` templates that the kit's `describeErrors` fills in. */
  errorMessages: Record<string, string>;
}

const cache = new Map<Lang, Promise<LoadedTexts>>();

/** Loads one language's interface texts (once) into its own i18next instance. */
export function loadTexts(lang: Lang): Promise<LoadedTexts> {
  let loaded = cache.get(lang);
  if (!loaded) {
    loaded = build(lang);
    cache.set(lang, loaded);
    loaded.catch(() => cache.delete(lang));
  }
  return loaded;
}

/** The language whose texts `loadTexts(wanted)` gives: English for a language without interface texts. */
export function textsLanguage(wanted: Lang): Lang {
  return loaderOf.has(wanted) ? wanted : 'en';
}

async function build(wanted: Lang): Promise<LoadedTexts> {
  // A language without interface texts (typed into the address) gets English, marked as English.
  const lang = textsLanguage(wanted);
  const load = loaderOf.get(lang);
  if (!load) throw new Error(`no interface texts for ${lang}`);
  const translation = await load();
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    resources: { [lang]: { translation } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t: Translate = (key, vars) => instance.t(key, vars ?? {});
  const errorMessages = (translation['errors'] ?? {}) as Record<string, string>;
  return { lang, t, errorMessages };
}

/** The resident's preferred language among the available ones (browser settings), else English. */
export function preferredLanguage(wanted: readonly string[] = navigator.languages ?? []): Lang {
  for (const tag of wanted) {
    const code = tag.toLowerCase().split('-')[0];
    if (isLang(code) && loaderOf.has(code)) return code;
  }
  return 'en';
}
