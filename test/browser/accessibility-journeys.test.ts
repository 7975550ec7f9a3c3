import { LANGS, accessibilityMatrix, formsOffered, settle, type Visit } from './accessibility-matrix.js';
import { refuseNextGuidanceSubmission } from '../support/browser.js';

// States a resident reaches only by doing something: a repeating group grown and shrunk, the review, an answer the
// server refuses, and the confirmation. In Heinola, in every language.
accessibilityMatrix('repeating groups, the review, server errors and the confirmation', (test) => {
  // One test per language, in one browser context: after the first page the app's scripts load warm.
  for (const lang of LANGS) {
    test(
      'the hobby form with one child, two, their errors and one removed; the guidance form reviewed, refused and sent (where offered)',
      lang,
      async (visit) => {
        const offered = await formsOffered(visit.server, 'heinola', lang);
        if (offered.includes('hobby')) await hobbyChildren(visit);
        if (offered.includes('guidance')) await guidanceSent(visit);
      },
    );
  }
});

async function hobbyChildren({ page, lang, server, check }: Visit): Promise<void> {
  await page.goto(`${server.url}/${lang}/heinola/hobby`);
  await settle(page, 'form .questions');
  await page.locator('#root_hobbyFor-1').check();
  await page.locator('.repeat-item').first().waitFor();
  await check('one child');
  await page.locator('.repeat__add').click();
  await page.locator('.repeat-item').nth(1).waitFor();
  await check('two children');
  // Next with the second child empty: its questions show their errors inside the item.
  await page.locator('form button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  await check('child errors');
  await page.locator('.repeat-item__remove').last().click();
  await page.waitForFunction(() => document.querySelectorAll('.repeat-item').length === 1);
  await check('child removed');
}

async function guidanceSent({ page, lang, server, expect, check }: Visit): Promise<void> {
  await page.goto(`${server.url}/${lang}/heinola/guidance`);
  await settle(page, 'form .questions');
  // Filled by the fields' ids, the same in every language; keyboard.test.ts fills it the way a person would.
  const next = () => page.locator('form button[type="submit"]').click();
  await page.locator('#root_topics-0').check();
  await next();
  await page.locator('#root_fullName').fill('Amina Example');
  await page.locator('#root_preferredLanguage').selectOption({ index: 1 });
  await next();
  await page.locator('#root_contactWay-3').check();
  await page.locator('#root_interpreterNeeded-1').check();
  await next();
  await page.locator('#root_consent').check();
  await next();
  await page.locator('.review-step').first().waitFor();
  await check('review');

  await refuseNextGuidanceSubmission(page, server);
  await page.locator('.actions .button').first().click();
  await page.locator('.error-summary').waitFor();
  await check('server errors');
  await page.locator('#root_fullName').fill('Amina Example-Said');
  for (let step = 2; step <= 4; step++) await next();
  await page.locator('.review-step').first().waitFor();
  await page.locator('.actions .button').first().click();
  await settle(page, '.reference [data-reference]');
  expect(await page.locator('.reference [data-reference]').innerText()).toMatch(/^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await check('sent');
}
