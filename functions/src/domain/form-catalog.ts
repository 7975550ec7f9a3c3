import type { Catalog, FormDefinition, Lang, Municipality } from '../../../schemas/src/index.js';
import { UnknownForm, UnknownMunicipality } from './errors.js';

/**
 * The current forms and the municipalities that offer them. Shared texts come from `schemas/`; the forms are the
 * store's current versions once `FormSync` has read them, and the municipalities the store's (texts from their
 * files) once `MunicipalitySync` has (the files' until then).
 */
export class FormCatalog {
  private current: FormDefinition[];
  private towns: Municipality[];

  constructor(private readonly data: Catalog) {
    this.current = data.forms;
    this.towns = data.municipalities;
  }

  /** Every current form definition, offered anywhere or not. */
  forms(): FormDefinition[] {
    return this.current;
  }

  /** Makes these the current forms (the store's current versions). */
  replaceForms(forms: FormDefinition[]): void {
    this.current = forms;
  }

  /** Makes these the municipalities (the store's settings with their files' texts). */
  replaceMunicipalities(municipalities: Municipality[]): void {
    this.towns = municipalities;
  }

  /** The municipalities that offer a form. */
  offeredBy(formId: string): string[] {
    return this.towns.filter((m) => m.forms.includes(formId)).map((m) => m.id);
  }

  /** The municipalities as served now: the same list object until one of them changes. */
  municipalities(): Municipality[] {
    return this.towns;
  }

  /** The languages with interface texts, and whether a native speaker has reviewed each language's shared texts. */
  sharedTexts(): { lang: Lang; reviewed: boolean }[] {
    return (Object.keys(this.data.common) as Lang[]).map((lang) => ({ lang, reviewed: this.data.sharedReview[lang]?.reviewed === true }));
  }

  municipality(id: string): Municipality {
    const found = this.towns.find((m) => m.id === id);
    if (!found) throw new UnknownMunicipality(`No municipality "${id}".`);
    return found;
  }

  /** The current definition of a form a municipality offers. */
  currentForm(municipalityId: string, formId: string): FormDefinition {
    const municipality = this.municipality(municipalityId);
    const form = this.current.find((f) => f.id === formId);
    if (!form || !municipality.forms.includes(formId)) throw new UnknownForm(`No form "${formId}" in ${municipality.name}.`);
    return form;
  }

  /** Forms a municipality offers, current versions. */
  formsOf(municipalityId: string): FormDefinition[] {
    const municipality = this.municipality(municipalityId);
    return municipality.forms.flatMap((id) => this.current.filter((f) => f.id === id));
  }
}
