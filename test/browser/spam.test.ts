import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { MIN_FILL_SECONDS } from '../../functions/src/domain/spam/spam-signals.js';
import { axeViolations, signIn, usePhonePage } from '../support/browser.js';

// Needs `npm run build` first (dist/web). The honeypot and the start token of issue 13 (docs/http-contract.md).

let server: LocalServer;
let page: Page;

// The real least fill time, which the other browser tests set to 0.
usePhonePage((rig) => ({ server, page } = rig), undefined, { minFillSeconds: MIN_FILL_SECONDS });

const next = () => page.getByRole('button', { name: 'Next' }).click();

/** Whether a staff mail naming `reference` is in the local outbox: a held submission never gets one. */
async function staffMailed(reference: string): Promise<boolean> {
  for (const file of (await readdir(server.outboxDir)).filter((f) => f.endsWith('.eml'))) {
    const raw = await readFile(join(server.outboxDir, file), 'utf8');
    if (raw.includes(reference) && raw.includes('kotoutumisohjaaja@heinola.fi')) return true;
  }
  return false;
}

describe('spam checks a resident never meets', () => {
  it('keeps the honeypot out of sight, the tab order and the accessibility tree, and a person filling normally is not held', async () => {
    const shown = Date.now();
    await page.goto(`${server.url}/en/heinola/guidance`);
    await page.getByRole('heading', { level: 2, name: 'What do you need help with?' }).waitFor();

    const honeypot = page.locator('input[name="extra_note"]');
    expect(await honeypot.count()).toBe(1);
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    // Out of sight as screen-reader-only text is: in a 1 px box that clips it, so it neither shows nor widens the page.
    const box = await honeypot.locator('xpath=..').boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    expect(await honeypot.locator('xpath=..').evaluate((el) => getComputedStyle(el).clipPath)).toBe('inset(50%)');
    // Present for a bot, absent for assistive technology.
    const textboxes = await page.getByRole('textbox').count();
    expect(await page.getByRole('textbox', { includeHidden: true }).count()).toBe(textboxes + 1);
    expect(await page.locator('main').ariaSnapshot()).not.toMatch(/textbox\s*$/m);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Kela benefits' }).check();
    await next();
    await page.getByText('Step 2 of 4').waitFor();
    await page.getByLabel('Full name').fill('Amina Example');
    await page.getByLabel('Language you want to use with us').selectOption({ label: 'Arabic' });
    await next();
    await page.getByText('Step 3 of 4').waitFor();
    await page.getByRole('radio', { name: 'Phone call' }).check();
    await page.getByLabel('Phone number').fill('+358 40 123 4567');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await next();
    await page.getByText('Step 4 of 4').waitFor();
    await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
    await next();
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();

    // A person takes longer than the least fill time; a test may be quicker than any person, so it reads first.
    const left = MIN_FILL_SECONDS * 1000 + 500 - (Date.now() - shown);
    if (left > 0) await page.waitForTimeout(left);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/forms/guidance/submissions') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Send' }).click();
    const body = JSON.parse((await sent).postData() ?? '{}') as Record<string, unknown>;
    expect(typeof body['startToken']).toBe('string');
    expect(body['extra']).toBeUndefined();
    await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
    const reference = (await page.locator('.reference [data-reference]').innerText()).trim();
    await expect.poll(() => staffMailed(reference), { timeout: 60_000, interval: 500 }).toBe(true);
  });

  it('holds what a bot fills into the honeypot without telling it, and an admin releases it from /admin/spam', async () => {
    // The bot sees the same thanks and reference as anyone.
    const reference = await fillAsBot();

    await signIn(server, page, 'admin@koto.local');
    await page.goto(`${server.url}/admin/spam`);
    await page.getByRole('heading', { level: 1, name: 'Roskapostiepäilyt' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: reference });
    await item.getByText('Piilokenttä oli täytetty').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Vapauta saapuneisiin' }).click();
    await page.getByRole('status').getByText(`${reference} vapautettu saapuneisiin.`).waitFor();
    await page.getByText('Ei roskapostiepäilyjä.').waitFor();
    await expect.poll(() => staffMailed(reference), { timeout: 60_000, interval: 500 }).toBe(true);
  });
});

/** A bot's fill: every text field, the honeypot too, and Send; returns the reference the page shows. */
async function fillAsBot(): Promise<string> {
  await page.goto(`${server.url}/en/heinola/guidance`);
  await page.getByRole('heading', { level: 2, name: 'What do you need help with?' }).waitFor();
  await page.locator('input[name="extra_note"]').fill('https://cheap.example', { force: true });
  await page.getByRole('checkbox', { name: 'Kela benefits' }).check();
  await next();
  await page.getByLabel('Full name').fill('Bot Example');
  await page.getByLabel('Language you want to use with us').selectOption({ label: 'Arabic' });
  await next();
  await page.getByRole('radio', { name: 'Phone call' }).check();
  await page.getByLabel('Phone number').fill('+358 40 123 4567');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await next();
  await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
  await next();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
  return (await page.locator('.reference [data-reference]').innerText()).trim();
}
