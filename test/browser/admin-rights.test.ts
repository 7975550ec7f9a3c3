import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import type { SubjectAccessExport } from '../../schemas/src/residents-rights-contract.js';
import { PHONE, axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const fitsPhone = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
const status = () => page.getByRole('status').first();

describe("an admin carrying out a resident's rights on a phone", () => {
  it('finds a submission by reference, downloads its JSON, corrects an answer and erases it after confirming, at 360 px', async () => {
    const reference = await submitGuidance(server);
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('navigation', { name: 'Ylläpidon osat' }).getByRole('link', { name: 'Asukkaan oikeudet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Asukkaan oikeudet' }).waitFor();

    // Nothing typed: the summary says so.
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kirjoita asiointitunnus.' }).waitFor();

    // In lower case with spaces, as read out over the phone.
    await page.getByLabel('Asiointitunnus').fill(reference.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.getByRole('heading', { level: 2, name: reference }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa tiedot (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`koto-${reference}.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as SubjectAccessExport;
    expect(exported).toMatchObject({ reference, answers: { fullName: 'Olena Kovalenko' } });
    expect(exported.audit.map((e) => e.action)).toContain('export');

    await page.getByLabel('Kysymys').selectOption('fullName');
    await page.getByLabel('Uusi vastaus').fill('Olena Petrenko');
    await page.getByRole('button', { name: 'Tallenna korjaus' }).click();
    await status().filter({ hasText: 'Vastaus korjattu' }).waitFor();
    // Loaded again, the same question shown with its new answer.
    await page.locator('.hint', { hasText: 'Nykyinen vastaus: Olena Petrenko' }).waitFor();

    await page.getByRole('button', { name: 'Poista lomake…' }).click();
    const confirm = page.getByRole('group', { name: `Poistetaanko ${reference} pysyvästi?` });
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/jo lähetettyjä ilmoituksia ei voi perua[\s\S]*35 päivän/);
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();
    await confirm.getByRole('button', { name: 'Poista pysyvästi' }).click();
    await status()
      .filter({ hasText: `Poistettu: ${reference}.` })
      .waitFor();

    // Gone: looking again finds nothing.
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.getByRole('alert').filter({ hasText: 'ei löydy lomaketta' }).waitFor();
    await fitsPhone();
  });

  it("shows and changes a form's retention in the workbench, refusing a number outside 30–3650 days", async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/forms/guidance`);
    const field = page.getByLabel('Säilytysaika päivinä');
    await field.waitFor();
    expect(await field.inputValue()).toBe('365');
    await field.fill('20');
    await page.getByText('Kirjoita kokonaisluku väliltä 30–3650.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();
    await field.fill('400');
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const res = await fetch('/api/admin/forms/guidance/draft', { cache: 'no-store' });
            return ((await res.json()) as { definition: { meta: { retentionDays: number } } }).definition.meta.retentionDays;
          }),
        { timeout: 20_000 },
      )
      .toBe(400);
    expect(await page.getByText('Kirjoita kokonaisluku').count()).toBe(0);
  });
});
