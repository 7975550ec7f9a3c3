import type { FormDefinition } from '../../../schemas/src/index.js';
import { validatorSource } from '../../../schemas/src/validator-source.js';
import type { FormCatalog } from './form-catalog.js';
import type { MunicipalitySync } from './municipality-sync.js';
import type { FormHead, FormStore } from './ports.js';

/**
 * How long an instance serves the forms (and municipalities) it last read before it reads the store again: another
 * instance's publish or save reaches it within this (plus one request), and the instance that made it at once.
 */
export const FORM_REFRESH_MS = 5_000;

/** Who the versions imported from the repository's `schemas/` are recorded as published by. */
export const SEED_PUBLISHER = 'schemas/';

/** What a seed did: forms imported, and forms whose file has a newer version than the store serves. */
export interface SeedReport {
  imported: string[];
  /** Municipalities stored from their files (the store had none of theirs yet). */
  municipalities?: string[];
  /** The store is the source of truth once a form is in it; a newer file reaches it through `npm run forms -- import`. */
  behind: { formId: string; file: number; store: number }[];
}

/**
 * Keeps the catalog's current forms (and, given `municipalities`, its municipalities) in step with the store, and
 * seeds the store with the forms (and municipalities) of `schemas/`.
 */
export class FormSync {
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly catalog: FormCatalog,
    private readonly store: FormStore,
    private readonly seeds: readonly FormDefinition[],
    private readonly municipalities?: MunicipalitySync,
  ) {}

  /**
   * Imports every seed form the store has no head for: its version (kept as numbered in its file) and a head that
   * lists it, with any versions stored before forms had heads. Safe to run at every start and from many instances.
   */
  async seed(at: string): Promise<SeedReport> {
    const report: SeedReport = { imported: [], behind: [] };
    for (const form of this.seeds) {
      const head = await this.store.head(form.id);
      if (head) {
        if (head.current !== undefined && form.version > head.current)
          report.behind.push({ formId: form.id, file: form.version, store: head.current });
        continue;
      }
      const created = await createFromVersion(this.store, form, { at, by: SEED_PUBLISHER, note: 'Imported from schemas/.' });
      if (created) report.imported.push(form.id);
    }
    if (this.municipalities) report.municipalities = await this.municipalities.seed(at);
    return report;
  }

  /** Reads every form's current version (and the municipalities) from the store and makes them the catalog's. */
  async refresh(now: Date): Promise<void> {
    const [forms] = await Promise.all([currentForms(this.store), this.municipalities?.refresh()]);
    this.catalog.replaceForms(forms);
    this.refreshedAt = now.getTime();
  }

  /** Refreshes when the forms were read more than `FORM_REFRESH_MS` ago; concurrent callers share one read. */
  async ensureFresh(now: Date): Promise<void> {
    if (now.getTime() - this.refreshedAt < FORM_REFRESH_MS) return;
    this.refreshing ??= this.refresh(now).finally(() => (this.refreshing = undefined));
    await this.refreshing;
  }
}

/** Every form's current version, by id. */
export async function currentForms(store: FormStore): Promise<FormDefinition[]> {
  const heads = await store.heads();
  const forms = await Promise.all(heads.filter(hasCurrent).map((head) => store.getVersion(head.formId, head.current)));
  // A head always points at a version written before it (publish writes the version first): none is missing.
  return forms.filter((f): f is FormDefinition => f !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Puts a form the store does not have yet under the version number it carries, and a head that lists it (with
 * any versions stored before forms had heads); false when another instance made the head first.
 */
export async function createFromVersion(
  store: FormStore,
  form: FormDefinition,
  by: { at: string; by: string; note: string },
): Promise<boolean> {
  if ((await store.putVersion(form.id, form, validatorSource(form.schema, form.id))) === 'taken') {
    throw new Error(`form ${form.id} version ${form.version} is already stored with other content: raise its version`);
  }
  const earlier = (await store.storedVersions(form.id)).filter((v) => v.version < form.version).sort((a, b) => a.version - b.version);
  return store.createHead({
    formId: form.id,
    createdAt: by.at,
    createdBy: by.by,
    current: form.version,
    versions: [
      ...earlier.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt || by.at,
        publishedBy: by.by,
        note: 'Published before versions had notes.',
      })),
      { version: form.version, publishedAt: by.at, publishedBy: by.by, note: by.note },
    ],
  });
}

function hasCurrent(head: FormHead): head is FormHead & { current: number } {
  return head.current !== undefined;
}
