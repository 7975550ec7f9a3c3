import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { PHONE, axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const cellText = (row: string, column: number) => page.getByRole('row').filter({ hasText: row }).getByRole('cell').nth(column).innerText();

describe('an admin', () => {
  it("sees every form's languages and their review, and a submission's audit trail with their own read", async () => {
    const reference = await submitGuidance(server);
    await signIn(server, page, ADMIN);

    await page.getByRole('link', { name: 'Ylläpito' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Ylläpito' }).waitFor();
    const table = page.getByRole('table', { name: 'Lomakkeiden kielet' });
    await table.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

    // Columns: the form, then the ten languages in their own names (fi first, en third).
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers).toHaveLength(11);
    expect(await table.locator('th[scope="col"] [lang="ar"]').innerText()).toBe('العربية');
    expect(await table.getByRole('rowheader').filter({ hasText: 'Ohjaus ja neuvonta' }).innerText()).toMatch(
      /Ohjaus ja neuvonta\s+versio \d+/,
    );
    expect(await cellText('Ohjaus ja neuvonta', 0)).toBe('tarkistettu');
    expect(await cellText('Ohjaus ja neuvonta', 2)).toBe('ei tarkistettu');
    // The interface, confirmation mail and municipality texts every form shares carry their own review state.
    expect(await cellText('Yhteiset tekstit', 0)).toBe('tarkistettu');
    expect(await cellText('Yhteiset tekstit', 6)).toBe('ei tarkistettu');

    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.goto(`${server.url}/staff/submissions/${reference}`);
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
    const audit = page.getByRole('region', { name: 'Lokitiedot' });
    await audit.getByRole('listitem').first().waitFor();
    expect(await audit.getByRole('listitem').first().innerText()).toMatch(
      new RegExp(`^${ADMIN.replace(/\./g, '\\.')}: luki\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{4}`),
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a staff member who is not an admin', () => {
  it('gets no admin link, and a clear message on /admin', async () => {
    await signIn(server, page, STAFF);
    expect(await page.getByRole('link', { name: 'Ylläpito' }).count()).toBe(0);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Ei oikeuksia' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
