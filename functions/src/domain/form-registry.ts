import type { ValidateFunction } from 'ajv';
import {
  compileSchema,
  createAjv,
  isLang,
  localize,
  municipalityTexts,
  offeredLanguages,
  TextStore,
  type LocalizedForm,
  type Catalog,
  type FormDefinition,
  type Lang,
  type Translator,
  type Municipality,
} from '../../../schemas/src/index.js';
import { UnknownForm, UnknownMunicipality, UnsupportedLanguage } from './errors.js';
import type { FormVersionStore } from './ports.js';

/** How a registry shows a form's answers in a municipality: its cached localizations and the words for yes and no. */
export function answerWords(registry: FormRegistry, form: FormDefinition, municipalityId: string) {
  const municipality = registry.municipality(municipalityId);
  return { localized: (lang: Lang) => registry.localized(form, municipality, lang), yesNo: (lang: Lang) => registry.yesNo(lang) };
}

/**
 * The forms residents can use: the current definitions from the catalog, earlier published versions from the
 * store, and their compiled validators (compiled once per version).
 */
export class FormRegistry {
  private readonly validators = new Map<string, ValidateFunction>();
  // Published versions never change, so what is derived from one is computed once.
  private readonly offeredCache = new WeakMap<FormDefinition, Lang[]>();
  private readonly localizedCache = new WeakMap<FormDefinition, Map<string, LocalizedForm>>();
  private readonly ajv = createAjv();
  /** The interface texts (namespace `translation`) and the resident mail texts (`mail`), through i18next. */
  private readonly texts = new TextStore();

  constructor(
    private readonly catalog: Catalog,
    private readonly versions: FormVersionStore,
  ) {
    for (const [lang, texts] of Object.entries(catalog.common)) if (texts) this.texts.add(lang, 'translation', texts);
    for (const [lang, texts] of Object.entries(catalog.mail)) if (texts) this.texts.add(lang, 'mail', { ...texts });
  }

  /** Publishes every current definition, so submissions can always be checked against their version. */
  async publishCurrent(publishedAt: string): Promise<void> {
    await Promise.all(this.catalog.forms.map((form) => this.versions.publish(form, publishedAt)));
  }

  /** Every current form definition, offered anywhere or not. */
  forms(): FormDefinition[] {
    return this.catalog.forms;
  }

  municipalities(): Municipality[] {
    return this.catalog.municipalities;
  }

  /** The languages with interface texts, and whether a native speaker has reviewed each language's shared texts. */
  sharedTexts(): { lang: Lang; reviewed: boolean }[] {
    return (Object.keys(this.catalog.common) as Lang[]).map((lang) => ({ lang, reviewed: this.catalog.sharedReview[lang]?.reviewed === true }));
  }

  municipality(id: string): Municipality {
    const found = this.catalog.municipalities.find((m) => m.id === id);
    if (!found) throw new UnknownMunicipality(`No municipality "${id}".`);
    return found;
  }

  /** The current definition of a form a municipality offers. */
  currentForm(municipalityId: string, formId: string): FormDefinition {
    const municipality = this.municipality(municipalityId);
    const form = this.catalog.forms.find((f) => f.id === formId);
    if (!form || !municipality.forms.includes(formId)) throw new UnknownForm(`No form "${formId}" in ${municipality.name}.`);
    return form;
  }

  /** Forms a municipality offers, current versions. */
  formsOf(municipalityId: string): FormDefinition[] {
    const municipality = this.municipality(municipalityId);
    return municipality.forms.flatMap((id) => this.catalog.forms.filter((f) => f.id === id));
  }

  /** A published version of a form a municipality offers. */
  async formVersion(municipalityId: string, formId: string, version: number): Promise<FormDefinition> {
    const current = this.currentForm(municipalityId, formId);
    if (current.version === version) return current;
    const stored = await this.versions.get(formId, version);
    if (!stored) throw new UnknownForm(`Form "${formId}" has no published version ${version}.`);
    return stored;
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

  /** A form as residents of a municipality see it in `lang`, computed once per version, municipality and language. */
  localized(form: FormDefinition, municipality: Municipality, lang: Lang): LocalizedForm {
    let byKey = this.localizedCache.get(form);
    if (!byKey) this.localizedCache.set(form, (byKey = new Map()));
    const key = `${municipality.id}/${lang}`;
    let localized = byKey.get(key);
    if (!localized) byKey.set(key, (localized = localize(form, lang, this.vars(municipality, lang))));
    return localized;
  }

  validator(form: FormDefinition): ValidateFunction {
    const key = `${form.id}@${form.version}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = compileSchema(form.schema, this.ajv);
      this.validators.set(key, validate);
    }
    return validate;
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
