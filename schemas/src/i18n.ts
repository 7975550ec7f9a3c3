import i18next, { type FormatterModule, type i18n } from 'i18next';
import { formatNumber } from './numbers.js';

/** Nested i18next JSON: one language's texts of one namespace. */
export type Texts = Record<string, unknown>;
/** Values for a text's `{{placeholders}}`; `count` also picks the plural form (`key_one`, `key_few`, ...). */
export type Vars = Record<string, string | number>;

/**
 * i18next's formatting, through Intl: a number is written in the language's own digits and never grouped ("۱۹۸۵" in
 * Persian, "1985" not "1 985"), whether the text says `{{count}}` or `{{count, number}}`; `{{names, list}}` joins
 * with `Intl.ListFormat`. Every number of every text goes through here, so translators write plain placeholders.
 */
const intlFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, format: string | undefined, lng: string | undefined): string => {
    const lang = lng ?? 'en';
    if (typeof value === 'number' && (format === undefined || format === 'number')) return formatNumber(value, lang);
    if (format === 'list' && Array.isArray(value)) return new Intl.ListFormat(lang).format(value.map(String));
    return value as string;
  },
};

/** A new i18next instance for `lang`: Intl formatting, English as the fallback language, no resources yet. */
function createInstance(lang: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(intlFormatter).init({
    lng: lang,
    fallbackLng: lang === 'en' ? false : 'en',
    resources: {},
    ns: [],
    initAsync: false,
    // Texts are plain text rendered by React or written into mail, never HTML: no escaping, and no `ns:key` syntax.
    interpolation: { escapeValue: false, alwaysFormat: true },
    nsSeparator: false,
    returnEmptyString: false,
  });
  return instance;
}

/** Looks up the texts of one namespace in one language, through i18next. */
export interface Translator {
  lang: string;
  /** The text at `key` with its placeholders filled, in `lang` or, if `lang` lacks it, in English; undefined if neither has it. */
  t(key: string, vars?: Vars): string | undefined;
  /** The subtree at `key` as stored (e.g. every `errors.<keyword>` template), for code that fills them later. */
  tree<T>(key: string): T | undefined;
  /** Whether `lang` itself (not the English fallback) has the text at `key`, as plain text or plural forms. */
  own(key: string): boolean;
}

/**
 * The texts of one catalog (the web app's interface texts; the server's interface and mail texts): one i18next
 * instance per language, made when the language is first used; namespaces are added as they are loaded. A text a
 * language lacks falls back to English once the English texts of that namespace are added.
 */
export class TextStore {
  private readonly instances = new Map<string, i18n>();
  private readonly english = new Map<string, Texts>();

  /** Adds (or replaces) a namespace's texts in a language. */
  add(lang: string, ns: string, texts: Texts): void {
    this.instance(lang).addResourceBundle(lang, ns, texts, false, true);
    if (lang !== 'en') return;
    this.english.set(ns, texts);
    for (const [other, instance] of this.instances) if (other !== 'en') instance.addResourceBundle('en', ns, texts, false, true);
  }

  /** Whether `lang` has texts of namespace `ns`. */
  has(lang: string, ns: string): boolean {
    return this.instances.get(lang)?.hasResourceBundle(lang, ns) ?? false;
  }

  /** A translator for namespace `ns` in `lang`. */
  translator(lang: string, ns: string): Translator {
    const instance = this.instance(lang);
    return {
      lang,
      t: (key, vars = {}) => (instance.exists(key, { ns, ...vars }) ? instance.t(key, { ns, ...vars }) : undefined),
      tree: <T>(key: string) => {
        const found = instance.t(key, { ns, returnObjects: true }) as unknown;
        return typeof found === 'object' && found !== null ? (found as T) : undefined;
      },
      own: (key) => [key, `${key}_other`].some((k) => instance.exists(k, { ns, lng: lang, fallbackLng: false })),
    };
  }

  private instance(lang: string): i18n {
    let instance = this.instances.get(lang);
    if (!instance) {
      this.instances.set(lang, (instance = createInstance(lang)));
      if (lang !== 'en') for (const [ns, texts] of this.english) instance.addResourceBundle('en', ns, texts, false, true);
    }
    return instance;
  }
}

/** Instances that only fill placeholders (no texts), one per language. */
const fillers = new Map<string, i18n>();

/**
 * Fills a text's `{{placeholders}}` through `lang`'s i18next interpolator, numbers written as `lang` writes them. For
 * texts already picked out of a definition (a field's label, an item's title); a missing value fills in as empty.
 */
export function fill(text: string, vars: Vars, lang: string): string {
  let filler = fillers.get(lang);
  if (!filler) fillers.set(lang, (filler = createInstance(lang)));
  return filler.services.interpolator.interpolate(text, vars, lang, {}) as string;
}

/** The placeholder names a text uses, sorted, without their format (`{{count, number}}` is `count`). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}
