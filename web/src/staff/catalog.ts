import type { ServicesResponse } from '../api.js';

/** Names the staff pages show: form titles and municipality names in Finnish. */
export interface StaffCatalog {
  /** Form ids in the order to offer them in the form filter. */
  formIds: string[];
  formTitles: Record<string, string>;
  municipalityNames: Record<string, string>;
}

/**
 * What the pages show before (or without) the forms lists: forms by their ids and municipality ids as names. No
 * form is known by code: titles come only from the forms themselves (their Finnish `title`).
 */
export function fallbackCatalog(municipalities: readonly string[]): StaffCatalog {
  return {
    formIds: [],
    formTitles: {},
    municipalityNames: Object.fromEntries(municipalities.map((m) => [m, m.charAt(0).toUpperCase() + m.slice(1)])),
  };
}

/** Merges the Finnish forms lists of the member's municipalities over the fallback; a failed one is skipped. */
export function mergeCatalog(municipalities: readonly string[], lists: readonly (ServicesResponse | undefined)[]): StaffCatalog {
  const catalog = fallbackCatalog(municipalities);
  const offered: string[] = [];
  lists.forEach((list, i) => {
    if (!list) return;
    for (const form of list.forms) {
      if (!offered.includes(form.id)) offered.push(form.id);
      catalog.formTitles[form.id] = form.title;
    }
    const id = list.municipality?.id ?? municipalities[i];
    if (id && list.municipality?.name) catalog.municipalityNames[id] = list.municipality.name;
  });
  if (offered.length) catalog.formIds = offered;
  return catalog;
}

/** A form's Finnish title; its id when unknown. */
export const formTitle = (catalog: StaffCatalog, id: string) => catalog.formTitles[id] ?? id;
