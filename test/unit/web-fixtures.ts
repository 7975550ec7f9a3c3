import { type LocalizedForm } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';

const catalog = readCatalog('schemas');

/** The guidance form as the API gives it to a resident of Heinola, in `lang`. */
export function guidanceForm(lang: 'fi' | 'sv' | 'en' = 'en'): LocalizedForm {
  const form = catalog.forms.find((f) => f.id === 'guidance');
  if (!form) throw new Error('schemas/forms/guidance is missing');
  return localize(form, lang, { municipality: 'Heinola', walkIn: 'Walk in on Tuesdays.' });
}

/** The interface texts' `errors.*` templates of `lang`. */
export function errorTemplates(lang: 'fi' | 'sv' | 'en' = 'en'): Record<string, string> {
  return catalog.common[lang]!.errors;
}

export { catalog };
