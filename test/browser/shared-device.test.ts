import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, usePhonePage } from '../support/browser.js';
import { catalog } from '../support/test-app.js';

// Issue 13, point 2: answers on a library's computer or a reception desk's tablet (needs `npm run build`).

let server: LocalServer;
let page: Page;
usePhonePage((rig) => ({ server, page } = rig));

const fi = catalog.common.fi as unknown as { form: Record<string, string> };
const field = (id: string) => catalog.forms.find((f) => f.id === 'registration')!.texts.fi!.fields[id]!;
const DRAFT = 'koto:draft:heinola:registration';
const stored = () => page.evaluate((key) => localStorage.getItem(key) ?? '', DRAFT);

async function fillFirstStep(): Promise<void> {
  await page.goto(`${server.url}/fi/heinola/registration`);
  await page.getByLabel(field('fullName').label).fill('Amina Haddad');
  const birth = page.getByRole('group', { name: field('birthDate').label });
  await birth.getByLabel(fi.form['day']!, { exact: true }).fill('13');
  await birth.getByLabel(fi.form['month']!, { exact: true }).fill('10');
  await birth.getByLabel(fi.form['year']!, { exact: true }).fill('1952');
  await page.getByLabel(field('personalIdentityCode').label).fill('131052-308T');
}

describe('a form filled on a shared device', () => {
  it('keeps the identity code and birth date off the device, but in this tab across a reload', async () => {
    await fillFirstStep();
    await expect.poll(stored).toContain('Amina Haddad');
    const draft = await stored();
    expect(draft).not.toContain('131052-308T');
    expect(draft).not.toContain('1952');
    await page.reload();
    await expect.poll(() => page.getByLabel(field('personalIdentityCode').label).inputValue()).toBe('131052-308T');
  });

  it('offers a saved draft back after the tab was closed without showing any of its answers, and without the kept-off ones', async () => {
    await fillFirstStep();
    await expect.poll(stored).toContain('Amina Haddad');
    // A new tab on the same device: only the device's draft is there.
    const again = await page.context().newPage();
    await page.close();
    await again.goto(`${server.url}/fi/heinola/registration`);
    const prompt = again.locator('.notice');
    await prompt.getByRole('button', { name: fi.form['draftRestore']! }).waitFor();
    expect(await again.locator('main').innerText()).not.toContain('Amina');
    await prompt.getByRole('button', { name: fi.form['draftRestore']! }).click();
    expect(await again.getByLabel(field('fullName').label).inputValue()).toBe('Amina Haddad');
    expect(await again.getByLabel(field('personalIdentityCode').label).inputValue()).toBe('');
    page = again;
  });

  it('says that unsent answers stay on the device, and clears them after asking', async () => {
    await fillFirstStep();
    await expect.poll(stored).toContain('Amina Haddad');
    expect(await page.locator('.device-note .hint').innerText()).toBe(fi.form['draftSaved']);
    await page.getByRole('button', { name: fi.form['clear']! }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(fi.form['clearConfirm']);
    expect(await axeViolations(page)).toEqual([]);
    // Keeping them changes nothing.
    await page.getByRole('button', { name: fi.form['clearCancel']! }).click();
    expect(await page.getByLabel(field('fullName').label).inputValue()).toBe('Amina Haddad');
    await page.getByRole('button', { name: fi.form['clear']! }).click();
    await page.getByRole('button', { name: fi.form['clearYes']! }).click();
    expect(await page.getByRole('status').filter({ hasText: fi.form['cleared']! }).count()).toBe(1);
    expect(await page.getByLabel(field('fullName').label).inputValue()).toBe('');
    expect(await page.getByLabel(field('personalIdentityCode').label).inputValue()).toBe('');
    expect(await stored()).not.toContain('Amina');
    expect(await page.evaluate(() => Object.values(sessionStorage).join(' '))).not.toContain('131052-308T');
    await page.reload();
    expect(await page.locator('.notice').filter({ hasText: fi.form['draftFound']! }).count()).toBe(0);
  });
});
