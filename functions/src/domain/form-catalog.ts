import type { Catalog, FormDefinition, Lang, Municipality } from '../../../schemas/src/index.js';
import { UnknownForm, UnknownMunicipality } from './errors.js';

/**
 * The current forms and the municipalities that offer them. Municipalities and shared texts come from `schemas/`;
 * the forms are the store's current versions once `FormSync` has read them (the files' until then).
 */
export class FormCatalog {
  private current: FormDefinition[];

  constructor(private readonly data: Catalog) {
    this.current = data.forms;
  }

  /** Every current form definition, offered anywhere or not. */
  forms(): FormDefinition[] {
    return this.current;
  }

  /** Makes these the current forms (the store's current versions). */
  replaceForms(forms: FormDefinition[]): void {
    this.current = forms;
  }

  /** The municipalities whose files list a form. */
  offeredBy(formId: string): string[] {
    return this.data.municipalities.filter((m) => m.forms.includes(formId)).map((m) => m.id);
  }

  municipalities(): Municipality[] {
    return this.data.municipalities;
  }

  /** The languages with interface texts, and whether a native speaker has reviewed each language's shared texts. */
  sharedTexts(): { lang: Lang; reviewed: boolean }[] {
    return (Object.keys(this.data.common) as Lang[]).map((lang) => ({ lang, reviewed: this.data.sharedReview[lang]?.reviewed === true }));
  }

  municipality(id: string): Municipality {
    const found = this.data.municipalities.find((m) => m.id === id);
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
