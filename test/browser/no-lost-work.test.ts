import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { startBrowserRig, type BrowserRig } from '../support/browser.js';

const STEP = 8_000;
const DRAFT_KEY = 'koto:draft:heinola:guidance';

let rig: BrowserRig | undefined;
let server: LocalServer;
let browser: Browser;
let context: BrowserContext;
/** Requests that could carry answers to the server: anything but GET. */
const writes: string[] = [];

beforeAll(async () => {
  rig = await startBrowserRig();
  ({ server, browser } = rig);
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  context.setDefaultTimeout(STEP);
  context.on('request', (req) => {
    if (req.method() !== 'GET') writes.push(`${req.method()} ${new URL(req.url()).pathname}`);
  });
});

afterAll(async () => {
  await rig?.close();
});

async function open(page: Page, lang: string, heading: string): Promise<void> {
  await page.goto(`${server.url}/${lang}/heinola/guidance`);
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}

describe('no lost work', () => {
  it(
    'keeps answers across a language switch and a closed tab, sends nothing before Send, and clears the draft after it',
    { timeout: 60_000 },
    async () => {
      const page = await context.newPage();
      await open(page, 'en', 'What do you need help with?');
      await page.getByRole('checkbox', { name: 'Housing' }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Full name').fill('Amina Example');

      // Switch to Finnish mid-form: the same step, the same answers, the page in Finnish.
      await page.locator('.lang-switch summary').click();
      await page.locator('.lang-list a[lang="fi"]').click();
      await page.waitForURL(/\/fi\/heinola\/guidance$/);
      await page.getByLabel('Koko nimi').waitFor();
      expect(await page.getByLabel('Koko nimi').inputValue()).toBe('Amina Example');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

      // The draft is on the device only, language-neutral.
      const draft = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
      expect(JSON.parse(draft!).answers).toMatchObject({ topics: ['housing'], fullName: 'Amina Example' });
      await page.close();

      // A new tab is offered the draft back, and continuing restores it.
      const again = await context.newPage();
      await again.goto(`${server.url}/fi/heinola/guidance`);
      await again.getByRole('button', { name: 'Jatka siitä, mihin jäin' }).click();
      await again.getByLabel('Koko nimi').waitFor();
      expect(await again.getByLabel('Koko nimi').inputValue()).toBe('Amina Example');
      expect(writes).toEqual([]);

      // Finish and send: the only write is the submission, and the draft is gone.
      await again.getByLabel('Kieli, jolla haluat asioida').selectOption({ label: 'arabia' });
      await again.getByRole('button', { name: 'Seuraava' }).click();
      await again.getByRole('radio', { name: 'Tekstiviesti' }).check();
      await again.getByLabel('Puhelinnumero').fill('+358 40 765 4321');
      await again.getByRole('radio', { name: 'Ei', exact: true }).check();
      await again.getByRole('button', { name: 'Seuraava' }).click();
      await again.getByRole('checkbox', { name: 'Hyväksyn tietojeni käsittelyn' }).check();
      await again.getByRole('button', { name: 'Seuraava' }).click();
      await again.getByRole('button', { name: 'Lähetä' }).click();
      await again.getByRole('heading', { level: 1, name: 'Kiitos! Lomake on lähetetty.' }).waitFor();
      expect(writes).toEqual(['POST /api/forms/guidance/submissions']);
      expect(await again.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();

      // This tab keeps showing its confirmation (the reference stays readable); a new tab starts afresh, with no draft.
      await again.reload();
      await again.getByRole('heading', { level: 1, name: 'Kiitos! Lomake on lähetetty.' }).waitFor();
      const fresh = await context.newPage();
      await open(fresh, 'fi', 'Mistä tarvitset apua?');
      expect(await fresh.getByRole('button', { name: 'Jatka siitä, mihin jäin' }).count()).toBe(0);
    },
  );
});
