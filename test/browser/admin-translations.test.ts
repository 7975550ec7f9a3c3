import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { exportLanguage } from '../../schemas/src/translation-grid.js';
import { PHONE, axeViolations, signIn, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';
const hobby = readCatalog('schemas').forms.find((f) => f.id === 'hobby')!;

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const cell = (key: string, language: string) => page.getByRole('textbox', { name: `${key} (${language})`, exact: true });
const noPageScroll = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('an admin translating a form', () => {
  it('sees an emptied text flagged, fills it, and imports a translator’s file after seeing its changes', async () => {
    await signIn(server, page, ADMIN);
    await page.goto(`${server.url}/admin/forms/hobby/translations`);
    await page.getByRole('heading', { level: 1, name: 'Harrastukset – Käännökset' }).waitFor();
    const grid = page.getByRole('table', { name: 'Tekstit kielittäin' });
    await grid.waitFor();
    // Every language a column: the grid scrolls in its own region, the page does not.
    expect(await grid.getByRole('columnheader').count()).toBe(11);
    expect(await cell('title', 'arabia').getAttribute('dir')).toBe('rtl');
    expect(await cell('title', 'arabia').getAttribute('lang')).toBe('ar');
    expect(await noPageScroll()).toBeLessThanOrEqual(PHONE.width);

    // On a phone, one language beside Finnish.
    await page.getByLabel('Näytettävät kielet').selectOption({ label: 'suomi ja ruotsi' });
    expect(await grid.getByRole('columnheader').allInnerTexts()).toHaveLength(3);
    const swedish = grid.getByRole('columnheader').nth(2);
    const total = Number(/\/(\d+) tekstiä/.exec(await swedish.innerText())![1]);
    expect(await swedish.innerText()).toContain(`${total}/${total} tekstiä`);

    const hint = cell('fields.childAge.hint', 'ruotsi');
    await hint.fill('');
    const hintCell = page.getByRole('cell').filter({ has: hint });
    expect(await hintCell.innerText()).toContain('Puuttuu');
    expect(await swedish.innerText()).toContain(`${total - 1}/${total} tekstiä`);
    await hint.fill('Ålder i år, till exempel 9.');
    expect(await hintCell.innerText()).not.toContain('Puuttuu');
    await page.getByRole('status').filter({ hasText: 'Luonnos tallennettu' }).waitFor();

    // Marked reviewed: who and when show in the column; a changed text takes the mark away.
    await swedish.getByRole('checkbox', { name: 'Tarkistettu (ruotsi)' }).check();
    expect(await swedish.innerText()).toContain(ADMIN);
    await cell('description', 'ruotsi').fill(`${hobby.texts.sv!.description} `);
    expect(await swedish.getByRole('checkbox', { name: 'Tarkistettu (ruotsi)' }).isChecked()).toBe(false);
    expect(await swedish.innerText()).not.toContain(ADMIN);
    await cell('description', 'ruotsi').fill(hobby.texts.sv!.description);

    // A translator's file with one changed text: the change is listed, old and new, before it is applied.
    const file = exportLanguage(hobby, 'sv') as { title: string; fields: Record<string, Record<string, string>> };
    file.fields['childAge']!['hint'] = 'Ålder i år, till exempel 9.';
    file.title = 'Fritidsaktiviteter för alla';
    await page.getByLabel('Kieli', { exact: true }).selectOption({ label: 'ruotsi' });
    await page.getByLabel('Käännöstiedosto (.json)').setInputFiles({
      name: 'hobby.sv.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: 'Näytä muutokset' }).click();
    await page.getByRole('heading', { level: 3, name: '1 muutos (ruotsi)' }).waitFor();
    const change = page.locator('.wb-tr-changes li');
    expect(await change.count()).toBe(1);
    expect(await change.innerText()).toBe(`Muutettu title: ${hobby.texts.sv!.title} → Fritidsaktiviteter för alla`);
    expect(await cell('title', 'ruotsi').inputValue()).toBe(hobby.texts.sv!.title);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noPageScroll()).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'Ota muutokset käyttöön' }).click();
    await page.getByText('1 muutos otettu käyttöön luonnokseen.').waitFor();
    expect(await cell('title', 'ruotsi').inputValue()).toBe('Fritidsaktiviteter för alla');
    await page.getByRole('status').filter({ hasText: 'Luonnos tallennettu' }).waitFor();
  });
});
