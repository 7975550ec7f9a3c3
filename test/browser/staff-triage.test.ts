import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const PHONE = { width: 360, height: 740 };
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

async function openSubmission(reference: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(reference) }).click();
  await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
}

const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('a staff member on a phone', () => {
  it('signs in by the emailed link, opens a submission, and changes its status with a note in one save', async () => {
    const reference = await submitGuidance(server, { lang: 'sv' }, { message: 'Hej, jag behöver hjälp' });
    await signIn(server, page, STAFF);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

    const item = page.getByRole('listitem').filter({ hasText: reference });
    expect(await item.innerText()).toMatch(/Ohjaus ja neuvonta[\s\S]*uusi[\s\S]*ruotsi/);
    await openSubmission(reference);

    // The staff label, the label the resident saw beside it, and free text as typed in the resident's language.
    expect(await page.getByText('Yhteydenottotapa', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[lang="sv"]', { hasText: 'Hur ska vi kontakta dig?' }).count()).toBe(1);
    expect(await page.locator('.staff-freetext[lang="sv"]', { hasText: 'Hej' }).innerText()).toBe('Hej, jag behöver hjälp');

    await page.getByLabel('Tila', { exact: true }).selectOption({ label: 'käsittelyssä' });
    await page.getByLabel('Sisäinen muistiinpano').fill('Soitan asiakkaalle huomenna');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('status').filter({ hasText: 'Muutokset tallennettu.' }).waitFor();

    const history = page.locator('.staff-history');
    expect(await history.innerText()).toMatch(
      /Tila muutettu: uusi → käsittelyssä[\s\S]*Sisäinen muistiinpano\s*Soitan asiakkaalle huomenna/,
    );
    expect(await page.getByLabel('Sisäinen muistiinpano').inputValue()).toBe('');

    const saved = await page.evaluate(async (ref) => (await fetch(`/api/staff/submissions/${ref}`)).json(), reference);
    expect(saved).toMatchObject({ status: 'in_progress', version: 2 });
    expect((saved as { history: { action: string }[] }).history.map((h) => h.action)).toEqual(['status', 'note']);
  });

  it('finds no WCAG 2.2 A/AA problems on the sign-in page, the inbox and a submission, and fits 360 px', async () => {
    const reference = await submitGuidance(server, { lang: 'en' }, { message: 'I need help with housing' });
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Sähköpostiosoite').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await signIn(server, page, STAFF);
    await page.getByRole('listitem').filter({ hasText: reference }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);

    await openSubmission(reference);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);
  });

  it('finds a reference typed in lower case with spaces, and reloads with a clear message when a change is stale', async () => {
    const reference = await submitGuidance(server);
    await signIn(server, page, STAFF);
    await page.getByLabel('Hae asiointitunnuksella').fill(reference.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();

    // Someone else marks it done meanwhile (version 1 → 2); this page still shows version 1.
    const other = await page.evaluate(
      async (ref) =>
        (
          await fetch(`/api/staff/submissions/${ref}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'done', expectedVersion: 1 }),
          })
        ).status,
      reference,
    );
    expect(other).toBe(200);

    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Joku muu muutti tätä lomaketta' }).waitFor();
    expect(await page.locator('.staff-facts').innerText()).toContain('valmis');
    expect(await page.getByLabel('Tila', { exact: true }).inputValue()).toBe('done');

    // The fresh version is used from now on.
    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByRole('status').filter({ hasText: 'Otit lomakkeen käsittelyyn.' }).waitFor();
    expect(await page.locator('.staff-assignee').innerText()).toContain(STAFF);
  });
});
