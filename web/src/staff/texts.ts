import type { Texts } from '../../../schemas/src/i18n.js';
import { isLang } from '../../../schemas/src/languages.js';
import { staffTexts } from '../../../schemas/src/staff-texts.js';

// The staff texts (`schemas/texts/staff/<lang>.json`) are built into the staff chunk, which only staff load: the
// resident pages never download them, and the staff pages need no second request before their first words.
const files = import.meta.glob<Texts>('../../../schemas/texts/staff/*.json', { import: 'default', eager: true });

/** The staff area's words, in Finnish, through i18next (`schemas/src/staff-texts.ts`). */
export const staff = staffTexts({
  staff: Object.fromEntries(
    Object.entries(files).flatMap(([path, texts]) => {
      const lang = path.replace(/^.*\/|\.json$/g, '');
      return isLang(lang) ? [[lang, texts]] : [];
    }),
  ),
});

/** Looks up a staff text by its key (checked against fi.json by the type checker), filling `{{placeholders}}`. */
export const t = staff.t;
