import type { Lang } from '../../schemas/src/languages.js';
import { FORMS, accessibilityMatrix, formsOffered, settle, stepsOnDisk } from './accessibility-matrix.js';

/**
 * The form whose draft prompt is checked in each language. The prompt is one component whose only form-specific
 * text is the form's title, which the form's own steps show too: checking it for every form repeated 40 page states.
 */
const DRAFT_PROMPT_FORM = 'guidance';

/**
 * Every later step of every form the API offers in Heinola, in `langs`, reached the way a resident returns to a form:
 * a saved draft at its last step, offered back on arrival, and then Back to each step before. Nine steps of registration and four of the others in ten
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
          // The draft opens at the last step; Back (no answers checked, as for a resident) walks down to the second.
          // One page load per form, where loading each step anew took as many as the steps.
          const last = stepsOnDisk(formId) - 1;
          const draft = { formVersion: form.version, savedAt: Date.now(), answers: { fullName: 'Amina Example' }, position: last };
          await page.evaluate(({ key, value }) => (localStorage.setItem(key, value), sessionStorage.clear()), {
            key: `koto:draft:heinola:${formId}`,
            value: JSON.stringify(draft),
          });
          await page.goto(`${server.url}/${lang}/heinola/${formId}`);
          await settle(page, '.notice .actions .button');
          if (formId === DRAFT_PROMPT_FORM) await check('draft found');
          await page.locator('.notice .actions .button').first().click();
          for (let position = last; position >= 1; position--) {
            if (position < last) await page.locator('.back-link').click();
            await settle(page, `.progress progress[value="${position + 1}"]`);
            await page.locator('form .questions').first().waitFor();
            await check(`step ${position + 1}`);
          }
        }
      });
    }
  });
}
