import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import type { Lang } from '../../schemas/src/index.js';
import { PHONE, axeViolations, lookAt, signIn, usePhonePage } from '../support/browser.js';
import { catalog } from '../support/test-app.js';

// Issue 11's walk-through in real Chromium at 360 px (needs `npm run build`): an admin adds a question to the hobby
// form without JSON, completes its texts, publishes; a resident answers it in Arabic; staff read it in Finnish.
const ADMIN = 'admin@koto.local';
const QUESTION = 'Mikä päivä sopii sinulle parhaiten?';
const ID = 'mikaPaivaSopiiSinulle';

let server: LocalServer;
let page: Page;
usePhonePage((rig) => ({ server, page } = rig));

const hobby = catalog.forms.find((f) => f.id === 'hobby')!;
const field = (lang: Lang, id: string) => hobby.texts[lang]!.fields[id]!;
const common = (lang: Lang) => catalog.common[lang] as unknown as { form: Record<string, string> };
const next = () => page.locator('form button[type="submit"]').click();

/** The texts the admin writes for the new question in each language (Finnish, English and Arabic as a coordinator would). */
const TEXTS: Partial<Record<Lang, [label: string, hint: string, weekday: string, weekend: string]>> = {
  fi: [QUESTION, 'Valitse yksi.', 'Arkipäivä', 'Viikonloppu'],
  en: ['Which day suits you best?', 'Choose one.', 'A weekday', 'The weekend'],
  ar: ['أي يوم يناسبك أكثر؟', 'اختر خياراً واحداً.', 'يوم من أيام الأسبوع', 'عطلة نهاية الأسبوع'],
};
const textsIn = (lang: Lang) =>
  TEXTS[lang] ?? [`${QUESTION} (${lang})`, `Valitse yksi (${lang}).`, `Arki (${lang})`, `Viikonloppu (${lang})`];

/** Waits until the draft is saved and the lint has answered. */
async function saved(): Promise<void> {
  await page.locator('.wb-save-status', { hasText: 'Luonnos tallennettu' }).waitFor();
}

async function writeTexts(lang: Lang): Promise<void> {
  await page.getByLabel('Tekstien kieli').selectOption(lang);
  const [label, hint, weekday, weekend] = textsIn(lang);
  await page.locator(`#wb-text-${lang}-fields-${ID}-label`).fill(label);
  await page.locator(`#wb-text-${lang}-fields-${ID}-hint`).fill(hint);
  await page.locator(`#wb-text-${lang}-fields-${ID}-options-option1`).fill(weekday);
  await page.locator(`#wb-text-${lang}-fields-${ID}-options-option2`).fill(weekend);
}

describe('an admin who has never seen JSON', () => {
  it('adds a one-choice question to the hobby form, completes its texts, publishes; a resident answers it in Arabic', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('link', { name: new RegExp(hobby.texts.fi!.title) }).click();
    await page.waitForURL(`${server.url}/admin/forms/hobby`);
    await page.getByRole('heading', { level: 1, name: new RegExp(hobby.texts.fi!.title) }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The second step (interests): a one-choice question, its Finnish text first.
    const step = page.locator('.wb-step').nth(1);
    await step.getByLabel('Kysymyksen tyyppi').selectOption('oneChoice');
    await step.getByLabel('Kysymys suomeksi').fill(QUESTION);
    await step.getByRole('button', { name: 'Lisää', exact: true }).click();
    const row = page.locator(`[data-question="${ID}"]`);
    await row.waitFor();
    await writeTexts('fi');
    await saved();

    // The problems stand beside the question and name the languages still missing; publishing is not possible.
    await expect.poll(() => row.locator('.wb-problem--error').count()).toBeGreaterThan(0);
    expect(await row.locator('.wb-problems').innerText()).toMatch(/Tekstejä puuttuu.*arabia \(4\)/);
    expect(await page.getByRole('button', { name: 'Julkaise versio' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await lookAt(page, 'workbench-questions');

    // English and Arabic next, then a look at it right-to-left in the preview, on its step.
    await writeTexts('en');
    await writeTexts('ar');
    await page.getByRole('navigation', { name: 'Lomakkeen osat' }).getByRole('link', { name: 'Esikatselu' }).click();
    const phone = page.locator('.wb-preview__phone');
    await page.getByLabel('Kieli').selectOption('ar');
    await page.getByRole('button', { name: 'Seuraava vaihe' }).click();
    await phone.getByText(TEXTS.ar![0]).waitFor();
    expect(await phone.getAttribute('dir')).toBe('rtl');
    await phone.getByRole('radio', { name: TEXTS.ar![3], exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await lookAt(page, 'workbench-preview-ar');
    await page.getByRole('navigation', { name: 'Lomakkeen osat' }).getByRole('link', { name: 'Kysymykset' }).click();
    await page
      .locator(`[data-question="${ID}"]`)
      .getByRole('button', { name: /^Muokkaa/ })
      .click();

    for (const lang of Object.keys(hobby.meta.languages) as Lang[]) if (!['fi', 'en', 'ar'].includes(lang)) await writeTexts(lang);
    await saved();
    await page.locator('.wb-summary', { hasText: 'Ei virheitä' }).waitFor();
    expect(await row.locator('.wb-problem--error').count()).toBe(0);

    await page.getByLabel('Mitä muuttui? (näkyy historiassa)').fill('Kysytään, mikä päivä sopii.');
    await page.getByRole('button', { name: 'Julkaise versio' }).click();
    const published = await page
      .getByRole('status')
      .filter({ hasText: /Versio \d+ julkaistu/ })
      .innerText();
    expect(published).toContain(`Versio ${hobby.version + 1} julkaistu`);

    // A resident in Arabic: the new question is on the interests step, in Arabic.
    const resident = await page.context().newPage();
    await resident.goto(`${server.url}/ar/heinola/hobby`);
    await resident.getByRole('radio', { name: field('ar', 'hobbyFor').options!['me']!, exact: true }).check();
    await resident.locator('form button[type="submit"]').click();
    await resident.getByRole('checkbox', { name: field('ar', 'interests').options!['music']! }).check();
    await resident.getByRole('radio', { name: TEXTS.ar![3], exact: true }).check();
    await resident.getByRole('radio', { name: field('ar', 'helpRegistering').options!['false']!, exact: true }).check();
    await resident.locator('form button[type="submit"]').click();
    await resident.getByLabel(field('ar', 'fullName').label).fill('سلمى حداد');
    await resident.getByRole('radio', { name: field('ar', 'contactWay').options!['phone']!, exact: true }).check();
    await resident.getByLabel(field('ar', 'phone').label).fill('٠٤٠ ١٢٣ ٤٥٦٧');
    await resident.locator('form button[type="submit"]').click();
    await resident.getByRole('checkbox', { name: field('ar', 'consent').label }).check();
    await resident.locator('form button[type="submit"]').click();
    expect(await resident.locator('main').innerText()).toContain(TEXTS.ar![3]);
    await resident.getByRole('button', { name: common('ar').form['send']! }).click();
    const reference = await resident.locator('.reference [data-reference]').innerText();
    await resident.close();

    // Staff read the answer under its Finnish question.
    await page.goto(`${server.url}/staff/submissions/${reference}`);
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
    const answers = await page.locator('main').innerText();
    expect(answers).toContain(QUESTION);
    expect(answers).toContain('Viikonloppu');
  });

  it('moves a question with the keyboard, and refuses to remove one that others depend on, saying why', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/forms/registration`);
    const first = page.locator('.wb-step').first().locator('.wb-question').first();
    const id = await first.getAttribute('data-question');
    const down = first.getByRole('button', { name: /^Siirrä alas/ });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.wb-step').first().locator('.wb-question').nth(1).getAttribute('data-question')).toBe(id);
    // Focus stays on the moved question's button, so the next Enter moves it again.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-question]')?.getAttribute('data-question'))).toBe(id);

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('[data-question="interpreterNeeded"]')
      .getByRole('button', { name: /^Poista kysymys/ })
      .click();
    expect(await page.getByRole('alert').innerText()).toMatch(/interpreterLanguage/);
    expect(await page.locator('[data-question="interpreterNeeded"]').count()).toBe(1);
  });
});

describe('the JSON view', () => {
  it('shows the whole definition in an editor that lints JSON, keeps the draft on invalid JSON, and is axe-clean', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/forms/feedback/json`);
    const editor = page.getByRole('textbox', { name: 'Lomakkeen määrittely (JSON)' });
    await editor.waitFor();
    expect(await page.locator('.cm-content').innerText()).toContain('"id": "feedback"');
    expect(await axeViolations(page)).toEqual([]);
    // A broken edit is named and not saved; the question view still shows the form as it was.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('}');
    await page.getByText(/JSON ei ole kelvollinen/).waitFor();
    await page.getByRole('navigation', { name: 'Lomakkeen osat' }).getByRole('link', { name: 'Kysymykset' }).click();
    await page.locator('.wb-question').first().waitFor();
    expect(await page.locator('.wb-save-status').innerText()).toBe('Luonnos tallennettu');
  });
});
