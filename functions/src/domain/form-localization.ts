import {
  isLang,
  municipalityTexts,
  offeredLanguages,
  TextStore,
  type Catalog,
  type FormDefinition,
  type Lang,
  type LocalizedForm,
  type Municipality,
  type Translator,
} from '../../../schemas/src/index.js';
import { localize } from '../../../schemas/src/localize-form.js';
import { UnsupportedLanguage } from './errors.js';

/**
 * Forms and shared texts in a resident's language: the languages a form is offered in, a form as a town's residents
 * read it, validation messages and the confirmation's texts, all through i18next.
 */
export class FormLocalization {
  // Published versions never change, so what is derived from one is computed once.
  private readonly offeredCache = new WeakMap<FormDefinition, Lang[]>();
  // A municipality's object is replaced when an admin changes it, so its localizations are made anew.
  private readonly localizedCache = new WeakMap<FormDefinition, WeakMap<Municipality, Map<Lang, LocalizedForm>>>();
  /** The interface texts (namespace `translation`) and the resident mail texts (`mail`). */
  private readonly texts = new TextStore();

  constructor(catalog: Pick<Catalog, 'common' | 'mail'>) {
    for (const [lang, texts] of Object.entries(catalog.common)) if (texts) this.texts.add(lang, 'translation', texts);
    for (const [lang, texts] of Object.entries(catalog.mail)) if (texts) this.texts.add(lang, 'mail', { ...texts });
  }

  /** Checks that a form is offered in a language (listed in its metadata and complete). */
  requireLanguage(form: FormDefinition, lang: unknown): Lang {
    const offered = this.offered(form);
    if (!isLang(lang) || !offered.includes(lang)) {
      throw new UnsupportedLanguage(`Form "${form.id}" is offered in: ${offered.join(', ')}.`);
    }
    return lang;
  }

  /** The languages a form is offered in (listed and complete), computed once per version. */
  offered(form: FormDefinition): Lang[] {
    let offered = this.offeredCache.get(form);
    if (!offered) this.offeredCache.set(form, (offered = offeredLanguages(form)));
    return offered;
  }

  /** A form as residents of a municipality see it in `lang`, computed once per version, municipality's data and language. */
  localized(form: FormDefinition, municipality: Municipality, lang: Lang): LocalizedForm {
    let byTown = this.localizedCache.get(form);
    if (!byTown) this.localizedCache.set(form, (byTown = new WeakMap()));
    let byLang = byTown.get(municipality);
    if (!byLang) byTown.set(municipality, (byLang = new Map()));
    let localized = byLang.get(lang);
    if (!localized) byLang.set(lang, (localized = localize(form, lang, this.vars(municipality, lang))));
    return localized;
  }

  /** Validation message templates (`errors.<keyword>`) in a language, English where a language has none yet. */
  messages(lang: Lang): Record<string, string> {
    return this.texts.translator(lang, 'translation').tree<Record<string, string>>('errors') ?? {};
  }

  /** The interface's words for yes and no in a language, for answers without labels of their own. */
  yesNo(lang: Lang): [string, string] {
    const t = this.texts.translator(lang, 'translation').t;
    return [t('form.yes') ?? 'yes', t('form.no') ?? 'no'];
  }

  /** The resident confirmation mail and SMS texts in a language, English where a language has none yet. */
  mailTexts(lang: Lang): Translator {
    return this.texts.translator(lang, 'mail');
  }

  /** Values for `{{placeholders}}` in a form's texts: the municipality's name and its texts in `lang`. */
  vars(municipality: Municipality, lang: Lang): Record<string, string> {
    return { ...municipalityTexts(municipality, lang), municipality: municipality.name };
  }
}
