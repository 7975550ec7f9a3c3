import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { PHONE, axeViolations, lookAt, signIn, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const phone = () => page.locator('.wb-preview__phone');
const tab = (name: string) => page.getByRole('navigation', { name: 'Lomakkeen osat' }).getByRole('link', { name });

describe("the workbench's preview", () => {
  it('shows the draft with the resident pages in Arabic right to left, step by step, and follows an edit', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/forms/hobby/preview`);
    await page.getByRole('heading', { level: 1, name: 'Harrastukset – Esikatselu' }).waitFor();
    await phone().getByText('Kenelle etsit harrastusta?').waitFor();
    expect(await phone().getAttribute('dir')).toBe('ltr');
    await page.getByText('tarkistetaan vain, että pakollisiin kysymyksiin on vastattu', { exact: false }).waitFor();

    await page.getByLabel('Kieli').selectOption('ar');
    await phone().getByText('لمن تبحث عن هواية؟').waitFor();
    expect(await phone().getAttribute('dir')).toBe('rtl');
    expect(await phone().getAttribute('lang')).toBe('ar');
    // The resident's own interface texts in Arabic: the Next button of the step.
    await phone().getByRole('button', { name: 'التالي' }).waitFor();

    await page.getByRole('button', { name: 'Seuraava vaihe' }).click();
    await phone().getByRole('heading', { name: 'الهوايات التي تريدها' }).waitFor();
    await phone().getByText('هل تحتاج إلى مساعدة في التسجيل؟').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await lookAt(page, 'preview-ar', { fullPage: true });

    // Next in the resident's form checks required answers only, with the resident's messages.
    await page.getByLabel('Vaihe', { exact: true }).selectOption({ label: 'Vaihe 1: Harrastajat' });
    await phone().getByRole('button', { name: 'التالي' }).click();
    await phone().getByRole('alert').waitFor();

    // The review sends nothing.
    await page.getByLabel('Vaihe', { exact: true }).selectOption({ label: 'Yhteenveto ja lähetys' });
    await phone().getByRole('button', { name: 'إرسال' }).click();
    await page.getByRole('status').filter({ hasText: 'Tämä on esikatselu: vastauksia ei lähetetty.' }).waitFor();

    // An edit in the questions tab shows in the preview, and a label left empty shows as missing.
    await tab('Kysymykset').click();
    await page.getByRole('button', { name: /^Muokkaa\W+Kenelle etsit harrastusta\?$/ }).click();
    await page.getByLabel('Kysymys (suomi)').fill('Kuka harrastaisi?');
    await tab('Esikatselu').click();
    await page.getByLabel('Kieli').selectOption('fi');
    await phone().getByText('Kuka harrastaisi?').waitFor();
    expect(await phone().getAttribute('dir')).toBe('ltr');

    await tab('Kysymykset').click();
    await page.getByRole('button', { name: /^Muokkaa\W+Kuka harrastaisi\?$/ }).click();
    await page.getByLabel('Kysymys (suomi)').fill('');
    await tab('Esikatselu').click();
    await phone().getByText('(puuttuu)').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
