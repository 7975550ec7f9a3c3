import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { PHONE, axeViolations, signIn, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';
const NEWCOMER = 'uusi.ohjaaja@heinola.fi';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const focused = () =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName);
const fitsPhone = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
const staffEmails = () => page.locator('.admin-person__email').allInnerTexts();

describe('an admin managing staff on a phone, by keyboard', () => {
  it('adds a person after fixing what the error summary names, and removes one after confirming, axe-clean at 360 px', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/staff`);
    await page.getByRole('heading', { level: 1, name: 'Henkilöstö' }).waitFor();
    await page.locator('.admin-person').first().waitFor();
    expect(await staffEmails()).toEqual([ADMIN, 'staff.heinola@koto.local', 'staff.orimattila@koto.local']);
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();

    // Saving an empty form: the summary takes focus and names each field; its first link leads to the email field.
    await page.getByRole('button', { name: 'Tallenna henkilö' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Korjaa 3 kohtaa' });
    await summary.waitFor();
    await expect.poll(focused).toBe('error-summary');
    expect(await summary.innerText()).toMatch(/sähköpostiosoite[\s\S]*nimi[\s\S]*vähintään yksi kunta/);
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('person-email');

    await page.keyboard.type('Uusi.Ohjaaja@heinola.fi');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('person-name');
    await page.keyboard.type('Uusi Ohjaaja');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('person-role-staff');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('person-municipality-0');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Tallennettu: ${NEWCOMER}.` })
      .waitFor();
    await expect.poll(staffEmails).toContain(NEWCOMER);
    expect(await page.locator('.admin-person', { hasText: NEWCOMER }).innerText()).toMatch(/käsittelijä[\s\S]*Heinola/);

    // Removing asks first; cancelling returns focus to the button, confirming removes.
    await page.getByRole('button', { name: 'Poista Uusi Ohjaaja' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Poistetaanko Uusi Ohjaaja?' });
    await confirm.waitFor();
    await expect.poll(focused).toBe('confirm-removal-heading');
    expect(await confirm.innerText()).toContain('istuntonsa päättyvät');
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`remove-${NEWCOMER}`);
    expect(await staffEmails()).toContain(NEWCOMER);

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.getByRole('button', { name: 'Poista henkilö' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${NEWCOMER} poistettiin.` })
      .waitFor();
    await expect.poll(staffEmails).not.toContain(NEWCOMER);
    await expect.poll(focused).toBe('staff-list-heading');
  });

  it('is told that the last admin cannot be removed', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/staff`);
    await page
      .getByRole('button', { name: /^Poista / })
      .first()
      .click();
    await page.getByRole('button', { name: 'Poista henkilö' }).click();
    await page.getByRole('alert').filter({ hasText: 'viimeistä ylläpitäjää' }).waitFor();
    expect(await staffEmails()).toContain(ADMIN);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('an admin changing a municipality on a phone', () => {
  it('fixes a refused time, saves the walk-in and phone, and residents get them at once; axe-clean at 360 px', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/municipalities`);
    await page.getByRole('heading', { level: 1, name: 'Kunnat' }).waitFor();
    const heinola = page.locator('#town-heinola');
    await heinola.getByLabel('Puhelinnumero').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();

    await heinola.getByLabel('Puhelinnumero').fill('+358 3 849 3000');
    await heinola.getByLabel('Alkaa klo').fill('25:00');
    await heinola.getByRole('button', { name: 'Tallenna: Heinola' }).click();
    const summary = heinola.getByRole('alert').filter({ hasText: 'Korjaa 1 kohta' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Alkaa klo: kirjoita aika muodossa 12:00.');
    expect(await axeViolations(page)).toEqual([]);
    await fitsPhone();

    await heinola.getByLabel('Alkaa klo').fill('09:30');
    await heinola.getByLabel('Viikonpäivä').selectOption({ label: 'torstai' });
    await heinola.getByRole('button', { name: 'Tallenna: Heinola' }).click();
    await heinola.getByRole('status').filter({ hasText: 'Tallennettu.' }).waitFor();

    const services = (await page.evaluate(async () => (await fetch('/api/forms?municipality=heinola&lang=fi')).json())) as {
      municipality: { contact: { phone: string }; texts: Record<string, string> };
    };
    expect(services.municipality.contact.phone).toBe('+358 3 849 3000');
    expect(services.municipality.texts['walkIn']).toMatch(/torstai.*9\.30/);
  });
});
