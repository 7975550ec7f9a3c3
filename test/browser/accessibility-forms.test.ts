import { FORMS, LANGS, MUNICIPALITIES, VOICES, accessibilityMatrix, formsOffered, settle, townFor } from './accessibility-matrix.js';

// Every form the API offers, in every language: its first step as it opens, and after Next with nothing filled.
// Each language checks the forms in one town (townFor: the towns alternate by language, so each is covered in half
// of the languages); a form that town does not offer is checked in the other town that does.
accessibilityMatrix('every form at first and after Next with nothing filled', (test) => {
  for (const lang of LANGS) {
    for (const formId of FORMS) {
      test(`${formId} at first and with errors (where offered)`, lang, async ({ page, server, check, problem }) => {
        const towns = [townFor(lang), ...MUNICIPALITIES.filter((m) => m !== townFor(lang))];
        let town: string | undefined;
        for (const candidate of towns) if (!town && (await formsOffered(server, candidate, lang)).includes(formId)) town = candidate;
        if (!town) return; // not offered in this language yet: nothing a resident can open
        await page.goto(`${server.url}/${lang}/${town}/${formId}`);
        await settle(page, 'form .questions');
        const listen = await page.locator('.listen-button').count();
        const hasVoice = VOICES.some((v) => v.toLowerCase().startsWith(`${lang}-`));
        if (hasVoice !== listen > 0) problem(`${lang} ${formId}: ${listen} Listen buttons with${hasVoice ? '' : 'out'} a voice`);
        await check('initial');

        await page.locator('form button[type="submit"]').click();
        await page.locator('.error-summary').waitFor();
        await check('errors');
      });
    }
  }
});
