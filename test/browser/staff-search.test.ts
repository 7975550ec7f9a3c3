import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, PHONE, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth);

async function searchFor(q: string): Promise<void> {
  await page.getByLabel('Hae asukkaan nimellä, puhelinnumerolla tai sähköpostilla').fill(q);
  await page.getByRole('button', { name: 'Hae asukasta' }).click();
}

describe('a staff member on a phone finds the resident who calls', () => {
  it('by a phone number typed another way, in Arabic digits, and by a word of the name; axe-clean at 360 px', async () => {
    const reference = await submitGuidance(
      server,
      {},
      { fullName: 'Зайнаб Хаддад', latinName: 'Zainab Haddad', contactWay: 'sms', phone: '+358 40 987 6543' },
    );
    await signIn(server, page, STAFF);

    const results = page.getByRole('region', { name: 'Hakutulokset' });
    for (const typed of ['0409876543', '٠٤٠ ٩٨٧ ٦٥٤٣', 'zaina']) {
      await searchFor(typed);
      await page.getByRole('status').filter({ hasText: 'Löytyi 1 lomake.' }).waitFor();
      expect(await results.getByRole('listitem').count(), typed).toBe(1);
      expect(await results.getByRole('link', { name: new RegExp(reference) }).isVisible()).toBe(true);
    }
    // What was typed stays out of the address bar and the history.
    expect(page.url()).toBe(`${server.url}/staff`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);

    await searchFor('040 000 0000');
    await page.getByRole('status').filter({ hasText: 'Hakua vastaavia lomakkeita ei löytynyt.' }).waitFor();

    await searchFor('12');
    const field = page.getByLabel('Hae asukkaan nimellä, puhelinnumerolla tai sähköpostilla');
    await page.getByText('Tällä ei voi hakea.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-resident');
    expect(await axeViolations(page)).toEqual([]);

    await searchFor('Haddad');
    await results.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
  });
});
