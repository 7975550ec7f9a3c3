import type { Catalog, FormDefinition, Lang } from '../../../schemas/src/index.js';
import { FormCatalog } from './form-catalog.js';
import { FormLocalization } from './form-localization.js';
import { FormSync, type SeedReport } from './form-sync.js';
import { FormVersions } from './form-versions.js';
import { MunicipalitySync } from './municipality-sync.js';
import type { FormStore, MunicipalityStore } from './ports.js';

/**
 * The forms residents can use, in four parts: the `catalog` (current forms and municipalities), the published
 * `versions` with their validators, `texts` (offered languages, localized forms, messages, mail texts), and `sync`,
 * which keeps the catalog's forms those of the `store` (and its municipalities those of `municipalities`, the
 * store of their settings, when given; without it they are the files').
 */
export class FormRegistry {
  readonly catalog: FormCatalog;
  readonly versions: FormVersions;
  readonly texts: FormLocalization;
  readonly sync: FormSync;
  /** The municipalities' settings as stored, and how they are kept in step; absent: the files' settings are served. */
  readonly municipalities: MunicipalitySync | undefined;
  private readonly common: Catalog['common'];

  constructor(
    catalog: Catalog,
    readonly store: FormStore,
    municipalityStore?: MunicipalityStore,
  ) {
    this.catalog = new FormCatalog(catalog);
    this.versions = new FormVersions(this.catalog, store);
    this.texts = new FormLocalization(catalog);
    this.municipalities = municipalityStore && new MunicipalitySync(this.catalog, municipalityStore, catalog.municipalities);
    this.sync = new FormSync(this.catalog, store, catalog.forms, this.municipalities);
    this.common = catalog.common;
  }

  /**
   * What a localized form is made of besides its version: the towns' data as served now (an admin may change it)
   * and the shared texts (fixed until a deploy).
   */
  get sharedTexts(): Pick<Catalog, 'municipalities' | 'common'> {
    return { municipalities: this.catalog.municipalities(), common: this.common };
  }

  /** Seeds the store with the forms of `schemas/` it lacks and reads the current forms: what every entry does at start. */
  async start(now: Date): Promise<SeedReport> {
    const report = await this.sync.seed(now.toISOString());
    await this.sync.refresh(now);
    return report;
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
