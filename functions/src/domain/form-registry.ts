import type { Catalog, FormDefinition, Lang } from '../../../schemas/src/index.js';
import { FormCatalog } from './form-catalog.js';
import { FormLocalization } from './form-localization.js';
import { FormVersions } from './form-versions.js';
import type { FormVersionStore } from './ports.js';

/**
 * The forms residents can use, in three parts: the `catalog` (current forms and municipalities), the published
 * `versions` with their validators, and `texts` (offered languages, localized forms, messages, mail texts).
 */
export class FormRegistry {
  readonly catalog: FormCatalog;
  readonly versions: FormVersions;
  readonly texts: FormLocalization;

  constructor(catalog: Catalog, store: FormVersionStore) {
    this.catalog = new FormCatalog(catalog);
    this.versions = new FormVersions(this.catalog, store);
    this.texts = new FormLocalization(catalog);
  }
}

/** How a registry shows a form's answers in a municipality: its cached localizations and the words for yes and no. */
export function answerWords(registry: FormRegistry, form: FormDefinition, municipalityId: string) {
  const municipality = registry.catalog.municipality(municipalityId);
  return {
    localized: (lang: Lang) => registry.texts.localized(form, municipality, lang),
    yesNo: (lang: Lang) => registry.texts.yesNo(lang),
  };
}
