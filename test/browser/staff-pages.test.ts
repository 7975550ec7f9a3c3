import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { PHONE, axeViolations, newestSignInLink, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const STAFF = 'staff.heinola@koto.local';
const MAILBOX = 'kotoutumisohjaaja@heinola.fi';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

/** The text of the staff notification to `MAILBOX` about `reference` in the local outbox, once the notifier sent it. */
async function staffMailText(reference: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    // The outbox folder appears with the first mail.
    const files = await readdir(server.outboxDir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(server.outboxDir, file)));
      if (mail.subject?.includes(reference) && JSON.stringify(mail.to ?? '').includes(MAILBOX)) return mail.text ?? '';
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no staff mail about ${reference} to ${MAILBOX} in the outbox`);
}

/** The page at 360 px: no sideways scrolling, no axe finding, every button at least 44 px high, styled like the app. */
async function checkPhonePage(): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
  const buttons = await page
    .locator('button')
    .evaluateAll((all) => all.map((b) => ({ height: b.getBoundingClientRect().height, background: getComputedStyle(b).backgroundColor })));
  for (const button of buttons) {
    expect(button.height).toBeGreaterThanOrEqual(44);
    expect(button.background).toBe('rgb(0, 100, 53)');
  }
  // The staff area's header band, from the same-origin stylesheet.
  expect(await page.locator('.site-header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(0, 60, 113)');
}

describe("the server's staff pages on a phone", () => {
  it('show a mailed action link as a styled page with a 44 px button, and the state after it in words', async () => {
    const reference = await submitGuidance(server);
    const text = await staffMailText(reference);
    expect(text).toContain('Yhteydenottotapa: Puhelu');
    const claim = /^Ota käsittelyyn: (\S+)$/m.exec(text)![1]!;

    await page.goto(claim);
    await page.getByRole('heading', { level: 1, name: `Ota käsittelyyn: ${reference}` }).waitFor();
    await checkPhonePage();
    expect(await page.getByRole('button', { name: 'Ota käsittelyyn' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByText('Tehty.').waitFor();
    expect(await page.locator('.page-state').innerText()).toBe(`Tila: käsittelyssä, käsittelijä: ${MAILBOX}`);
    expect(await page.content()).not.toContain('in_progress');
    await checkPhonePage();
  });

  it('show the sign-in confirmation the same way', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Sähköpostiosoite').fill(STAFF);
    await page.getByRole('button', { name: 'Lähetä kirjautumislinkki' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tarkista sähköpostisi' }).waitFor();
    await page.goto(await newestSignInLink(server, STAFF));
    await page.getByRole('button', { name: /Kirjaudu sisään/ }).waitFor();
    await checkPhonePage();
  });
});
