import { FORMS, LANGS, MUNICIPALITIES, VOICES, accessibilityMatrix, formsOffered, settle, townFor } from './accessibility-matrix.js';

// Every form the API offers, in every language: its first step as it opens, and after Next with nothing filled.
// Each language checks the forms in one town (townFor: the towns alternate by language, so each is covered in half
// of the languages); a form that town does not offer is checked in the other town that does.
accessibilityMatrix('every form at first and after Next with nothing filled', (test) => {
  // One test per language, in one browser context: after the first form the app's scripts load warm.
  for (const lang of LANGS) {
    test('every form offered, at first and with errors', lang, async ({ page, server, check, problem }) => {
      const towns = [townFor(lang), ...MUNICIPALITIES.filter((m) => m !== townFor(lang))];
      const offered = new Map(await Promise.all(towns.map(async (town) => [town, await formsOffered(server, town, lang)] as const)));
      for (const formId of FORMS) {
        const town = towns.find((candidate) => offered.get(candidate)!.includes(formId));
        if (!town) continue; // not offered in this language yet: nothing a resident can open
        await page.goto(`${server.url}/${lang}/${town}/${formId}`);
        await settle(page, 'form .questions');
        const listen = await page.locator('.listen-button').count();
        const hasVoice = VOICES.some((v) => v.toLowerCase().startsWith(`${lang}-`));
        if (hasVoice !== listen > 0) problem(`${lang} ${formId}: ${listen} Listen buttons with${hasVoice ? '' : 'out'} a voice`);
        await check('initial');

        await page.locator('form button[type="submit"]').click();
        await page.locator('.error-summary').waitFor();
        await check('errors');
      }
    });
  }
});
