import { LANGUAGES } from '../../schemas/src/languages.js';
import { LANGS, MUNICIPALITIES, STATEMENTS, accessibilityMatrix, formsOffered, services, settle } from './accessibility-matrix.js';

// The pages around the forms, in every language: what accessibility-matrix.ts checks, on each of them.
accessibilityMatrix('the start, municipality, services and accessibility statement pages', (test) => {
  // One test per language, in one browser context: after the first page the app's scripts load warm.
  for (const lang of LANGS) {
    test(
      'the start page, the municipalities with the language menu closed and open, both services pages and statements',
      lang,
      async ({ page, server, expect, check, problem }) => {
        await page.goto(`${server.url}/`);
        await settle(page, '.choice-list--languages');
        await check('start');

        await page.goto(`${server.url}/${lang}`);
        await settle(page, '.choice-list a');
        await check('municipalities');
        await page.locator('.lang-switch summary').press('Enter');
        await page.locator('.lang-list a').first().waitFor();
        await check('language menu open');

        if (lang === 'fi' || lang === 'en')
          expect((await formsOffered(server, 'heinola', lang)).length, `forms offered in ${lang}`).toBeGreaterThan(0);
        for (const municipality of MUNICIPALITIES) {
          await page.goto(`${server.url}/${lang}/${municipality}`);
          await settle(page, '#contact-heading');
          await check('services');

          await page.goto(`${server.url}/${lang}/${municipality}/saavutettavuus`);
          await settle(page, '.statement h2');
          const statementLang = await page.locator('.statement').getAttribute('lang');
          const expected = STATEMENTS.has(lang) ? null : 'en';
          if (statementLang !== expected)
            problem(`${lang} ${municipality} statement: lang="${statementLang}", expected ${expected ?? 'none (the page language)'}`);
          const email = (await services(server, municipality, lang)).municipality.contact.email;
          if ((await page.locator(`.statement a[href="mailto:${email}"]`).count()) !== 1)
            problem(`${lang} ${municipality} statement: no link to ${email}`);
          // The feedback form in the resident's own language, named in that language when the statement is not in it.
          const feedback = page.locator(`.statement a[href="/${lang}/${municipality}/feedback"]`);
          const ownName = LANGUAGES.find((l) => l.code === lang)!.name;
          if ((await feedback.count()) !== 1) problem(`${lang} ${municipality} statement: no link to the ${lang} feedback form`);
          else if (expected && !(await feedback.innerText()).includes(ownName))
            problem(`${lang} ${municipality} statement: feedback link does not say ${ownName}`);
          // The statement is one template: its layout is checked once per language, its data for each municipality.
          if (municipality === MUNICIPALITIES[0]) await check('statement');
        }
      },
    );
  }
});
