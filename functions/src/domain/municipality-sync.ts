import type { Municipality } from '../../../schemas/src/index.js';
import type { FormCatalog } from './form-catalog.js';
import type { MunicipalityData, MunicipalityStore, StoredMunicipality } from './ports.js';

/** Who the municipalities seeded from the repository's `schemas/municipalities` are recorded as saved by. */
export const MUNICIPALITY_SEEDER = 'schemas/';

/** A municipality's data without its texts: what the store keeps. */
export function dataOf(municipality: Municipality): MunicipalityData {
  const { texts: _texts, ...data } = municipality;
  return data;
}

/**
 * Keeps the catalog's municipalities those of the store (their texts stay the files'), and seeds the store with
 * the municipality files it lacks. A municipality the store does not have yet (a notifier that ran before any
 * seed) is served as its file has it.
 */
export class MunicipalitySync {
  /** What the catalog serves, by id, with the revision it was made from: an unchanged one keeps its object. */
  private served = new Map<string, { revision: number; municipality: Municipality }>();

  constructor(
    private readonly catalog: FormCatalog,
    readonly store: MunicipalityStore,
    private readonly files: readonly Municipality[],
  ) {}

  /** Stores every municipality file the store has not got (revision 0); returns the ids stored. */
  async seed(at: string): Promise<string[]> {
    const stored = new Set((await this.store.list()).map((m) => m.data.id));
    const seeded: string[] = [];
    for (const file of this.files.filter((f) => !stored.has(f.id))) {
      if (await this.store.create({ data: dataOf(file), revision: 0, savedAt: at, savedBy: MUNICIPALITY_SEEDER })) seeded.push(file.id);
    }
    return seeded;
  }

  /** Reads the store's municipalities and makes them the catalog's; the list stays the same object if none changed. */
  async refresh(): Promise<void> {
    this.apply(await this.store.list());
  }

  private apply(stored: StoredMunicipality[]): void {
    const byId = new Map(stored.map((m) => [m.data.id, m]));
    let changed = false;
    const next = new Map<string, { revision: number; municipality: Municipality }>();
    for (const file of this.files) {
      const found = byId.get(file.id);
      const revision = found?.revision ?? -1;
      const served = this.served.get(file.id);
      if (served && served.revision === revision) next.set(file.id, served);
      else {
        changed = true;
        next.set(file.id, { revision, municipality: found ? { ...found.data, texts: file.texts } : file });
      }
    }
    this.served = next;
    if (changed) this.catalog.replaceMunicipalities([...next.values()].map((s) => s.municipality));
  }
}
