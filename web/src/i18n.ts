import { LANGUAGES, isLang, type Lang } from '../../schemas/src/languages.js';
import { TextStore } from '../../schemas/src/i18n.js';

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
  /** The language `t(key)` answers in: `lang`, or English for a key not yet translated (mark it with `lang`). */
  langOf: (key: string) => Lang;
}

const cache = new Map<Lang, Promise<LoadedTexts>>();

/** The interface texts, one i18next instance per language (`schemas/src/i18n.ts`). */
const store = new TextStore();

/** Loads one language's interface texts (once); `t` is i18next's (plurals via Intl.PluralRules, numbers via Intl). */
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
  store.add(lang, 'translation', await load());
  const translator = store.translator(lang, 'translation');
  // A key that translators have not reached yet is shown in English, never by its name. English is fetched only
  // when such a key is first asked for (the tests keep every language complete, so normally never); until it
  // arrives the text is empty, then the listeners re-render with texts whose `t` answers in English.
  let english: Promise<void> | undefined;
  const fallBack = () =>
    (english ??= loaderOf.get('en')!().then(
      (en) => {
        store.add('en', 'translation', en);
        const fresh = texts();
        cache.set(lang, Promise.resolve(fresh));
        for (const listener of listeners) listener(fresh);
      },
      () => void (english = undefined),
    ));
  const texts = (): LoadedTexts => ({
    lang,
    t: (key, vars) => translator.t(key, vars) ?? (void fallBack(), ''),
    errorMessages: translator.tree<Record<string, string>>('errors') ?? {},
    langOf: (key) => (translator.own(key) ? lang : 'en'),
  });
  return texts();
}

const listeners = new Set<(texts: LoadedTexts) => void>();

/** Calls `listener` with a language's texts again once English has arrived for its untranslated keys. */
export function onFallbackTexts(listener: (texts: LoadedTexts) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The resident's preferred language among the available ones (browser settings), else English. */
export function preferredLanguage(wanted: readonly string[] = navigator.languages ?? []): Lang {
  for (const tag of wanted) {
    const code = tag.toLowerCase().split('-')[0];
    if (isLang(code) && loaderOf.has(code)) return code;
  }
  return 'en';
}
