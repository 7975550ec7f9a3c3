import type { FormSummary, Lang, LocalizedForm } from '../../../schemas/src/index.js';
import type { FormRegistry } from './form-registry.js';

/** The forms a municipality offers in `lang`, titled in that language; forms not offered in it are left out. */
export function listForms(registry: FormRegistry, municipalityId: string, lang: Lang): FormSummary[] {
  const municipality = registry.catalog.municipality(municipalityId);
  return registry.catalog
    .formsOf(municipalityId)
    .filter((form) => registry.texts.offered(form).includes(lang))
    .map((form) => {
      const { id, version, title, description } = registry.texts.localized(form, municipality, lang);
      return { id, version, title, description, ...(form.meta.feedback ? { feedback: true as const } : {}) };
    });
}

/** The current version of a form as a resident sees it in `lang`. */
export function getLocalizedForm(registry: FormRegistry, municipalityId: string, formId: string, lang: unknown): LocalizedForm {
  const form = registry.catalog.currentForm(municipalityId, formId);
  const offered = registry.texts.requireLanguage(form, lang);
  return registry.texts.localized(form, registry.catalog.municipality(municipalityId), offered);
}
