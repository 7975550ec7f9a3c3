import type { FormLanguages } from '../../../../schemas/src/index.js';
import type { FormRegistry } from '../form-registry.js';

export type { FormLanguages } from '../../../../schemas/src/staff-contract.js';

/** For admins: the texts every form shares, per language (all offered: the translation test keeps them complete). */
export function sharedTextLanguages(registry: FormRegistry): FormLanguages['languages'] {
  return registry.catalog.sharedTexts().map(({ lang, reviewed }) => ({ lang, reviewed, offered: true }));
}
