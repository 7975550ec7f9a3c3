import type { FormLanguages, Lang } from '../../../../schemas/src/index.js';
import type { FormRegistry } from '../form-registry.js';

export type { FormLanguages } from '../../../../schemas/src/staff-contract.js';

/** For admins: every form's languages and whether a native speaker has reviewed each. */
export function formLanguages(registry: FormRegistry): FormLanguages[] {
  return registry.catalog.forms().map((form) => {
    const offered = registry.texts.offered(form);
    return {
      id: form.id,
      version: form.version,
      title: form.texts.fi?.title ?? form.id,
      languages: (Object.entries(form.meta.languages) as [Lang, { reviewed: boolean }][]).map(([lang, meta]) => ({
        lang,
        reviewed: meta.reviewed,
        offered: offered.includes(lang),
      })),
    };
  });
}

/** For admins: the texts every form shares, per language (all offered: the translation test keeps them complete). */
export function sharedTextLanguages(registry: FormRegistry): FormLanguages['languages'] {
  return registry.catalog.sharedTexts().map(({ lang, reviewed }) => ({ lang, reviewed, offered: true }));
}
