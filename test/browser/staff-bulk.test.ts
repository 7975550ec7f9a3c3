import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, PHONE, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const card = (reference: string) => page.getByRole('listitem').filter({ hasText: reference });
const select = (reference: string) => page.getByRole('checkbox', { name: `Valitse ${reference}, Ohjaus ja neuvonta` });
const bar = () => page.getByRole('region', { name: 'Valitut lomakkeet' });
const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth);
const statusOf = async (reference: string) =>
  ((await page.evaluate(async (ref) => (await fetch(`/api/staff/submissions/${ref}`)).json(), reference)) as { status: string }).status;

describe('a staff member on a phone rejects a burst of submissions at once', () => {
  it('selects cards by their large check boxes, confirms in the sticky bar, and reads what was done; axe-clean at 360 px', async () => {
    const [a, b, c] = [await submitGuidance(server), await submitGuidance(server), await submitGuidance(server)];
    await signIn(server, page, STAFF);
    await card(c).waitFor();

    await select(a).check();
    await select(b).check();
    expect(await bar().innerText()).toContain('2 lomaketta valittu');
    // The check box is a large target: its label at least 44 px high, the box itself 28 px or more.
    const box = (await select(a).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(28);
    expect((await page.locator('.staff-item__select').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // The bar stays at the bottom of the screen while the list scrolls under it.
    const barBox = (await bar().boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(PHONE.height + 1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);

    // The confirm step names how many; cancelling changes nothing.
    await bar().getByRole('button', { name: 'Merkitse roskapostiksi' }).click();
    expect(await bar().getByText('Merkitäänkö 2 valittua lomaketta roskapostiksi? Ne hylätään.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await bar().getByRole('button', { name: 'Peruuta' }).click();
    expect(await statusOf(a)).toBe('new');

    await bar().getByRole('button', { name: 'Merkitse roskapostiksi' }).click();
    await bar().getByRole('button', { name: 'Kyllä, vahvista' }).click();
    await page.getByRole('status').filter({ hasText: '2 lomaketta merkitty roskapostiksi ja hylätty.' }).waitFor();
    expect(await bar().count()).toBe(0);
    await card(a).getByText('hylätty').waitFor();
    expect(await card(b).getByText('hylätty').isVisible()).toBe(true);
    expect(await card(c).getByText('uusi').isVisible()).toBe(true);
    expect(await select(a).isChecked()).toBe(false);
    for (const reference of [a, b]) {
      const saved = (await page.evaluate(async (ref) => (await fetch(`/api/staff/submissions/${ref}`)).json(), reference)) as {
        status: string;
        history: { action: string; note?: string; by: string }[];
      };
      expect(saved.status).toBe('rejected');
      expect(saved.history).toEqual([
        expect.objectContaining({ action: 'status', by: STAFF }),
        expect.objectContaining({ action: 'note', note: 'Merkitty roskapostiksi', by: STAFF }),
      ]);
    }

    // One already rejected and one new: the message says both.
    await select(a).check();
    await select(c).check();
    await bar().getByRole('button', { name: 'Hylkää valitut' }).click();
    expect(await bar().getByText('Hylätäänkö 2 valittua lomaketta?').isVisible()).toBe(true);
    await bar().getByRole('button', { name: 'Kyllä, vahvista' }).click();
    await page.getByRole('status').filter({ hasText: '1 lomake hylätty. 1 oli jo hylätty.' }).waitFor();
    expect(await statusOf(c)).toBe('rejected');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);
  });

  it('says so when the change does not get through, and keeps the selection to try again', async () => {
    const a = await submitGuidance(server);
    await signIn(server, page, STAFF);
    await select(a).check();
    await page.route(`${server.url}/api/staff/submissions/bulk`, (route) => route.abort('internetdisconnected'), { times: 1 });
    await bar().getByRole('button', { name: 'Hylkää valitut' }).click();
    await bar().getByRole('button', { name: 'Kyllä, vahvista' }).click();
    await page.getByRole('status').filter({ hasText: 'Valittuja lomakkeita ei tallennettu. Yhteys palvelimeen katkesi.' }).waitFor();
    expect(await select(a).isChecked()).toBe(true);
    expect(await statusOf(a)).toBe('new');

    await bar().getByRole('button', { name: 'Hylkää valitut' }).click();
    await bar().getByRole('button', { name: 'Kyllä, vahvista' }).click();
    await page.getByRole('status').filter({ hasText: '1 lomake hylätty.' }).waitFor();
    expect(await statusOf(a)).toBe('rejected');
  });
});
