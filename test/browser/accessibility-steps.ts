import type { Lang } from '../../schemas/src/languages.js';
import { FORMS, accessibilityMatrix, formsOffered, settle, stepsOnDisk } from './accessibility-matrix.js';

/**
 * The form whose draft prompt is checked in each language. The prompt is one component whose only form-specific
 * text is the form's title, which the form's own steps show too: checking it for every form repeated 40 page states.
 */
const DRAFT_PROMPT_FORM = 'guidance';

/**
 * Every later step of every form the API offers in Heinola, in `langs`, reached the way a resident returns to one:
 * a saved draft at that step, offered back on arrival. Nine steps of registration and four of the others in ten
 * languages are the longest walk of the matrix, so two files share it, each with half of the languages.
 */
export function laterStepsIn(langs: Lang[]): void {
  accessibilityMatrix(`every later step of every form (${langs.join(', ')})`, (test) => {
    // One test per language, in one browser context: its pages load warm (cached scripts) after the first, where a
    // context per form or per few steps started a renderer and loaded the app cold each time.
    for (const lang of langs) {
      test('every later step of every form offered in Heinola', lang, async ({ page, server, expect, check }) => {
        const offered = await formsOffered(server, 'heinola', lang);
        await page.goto(`${server.url}/${lang}`); // the origin whose storage holds the drafts
        for (const formId of FORMS.filter((id) => offered.includes(id))) {
          const form = (await (await fetch(`${server.url}/api/forms/${formId}?municipality=heinola&lang=${lang}`)).json()) as {
            version: number;
            uiSchema: { 'ui:steps': unknown[] };
          };
          expect(form.uiSchema['ui:steps'].length, `the steps of ${formId} served, as in its form.json`).toBe(stepsOnDisk(formId));
          for (let position = 1; position < stepsOnDisk(formId); position++) {
            const draft = { formVersion: form.version, savedAt: Date.now(), answers: { fullName: 'Amina Example' }, position };
            await page.evaluate(({ key, value }) => (localStorage.setItem(key, value), sessionStorage.clear()), {
              key: `koto:draft:heinola:${formId}`,
              value: JSON.stringify(draft),
            });
            await page.goto(`${server.url}/${lang}/heinola/${formId}`);
            await settle(page, '.notice .actions .button');
            if (position === 1 && formId === DRAFT_PROMPT_FORM) await check('draft found');
            await page.locator('.notice .actions .button').first().click();
            await settle(page, 'form .questions');
            await check(`step ${position + 1}`);
          }
        }
      });
    }
  });
}
