import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { PHONE, axeViolations, refuseNextGuidanceSubmission, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const REFERENCE = /^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

async function openGuidance(): Promise<void> {
  await page.goto(`${server.url}/en/heinola/guidance`);
  await page.getByRole('heading', { level: 2, name: 'What do you need help with?' }).waitFor();
}

const next = () => page.getByRole('button', { name: 'Next' }).click();

describe('a resident on a phone', () => {
  it('fills in the guidance form, checks the answers, sends it and gets a reference', async () => {
    await openGuidance();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await page.getByText('Step 1 of 4').isVisible()).toBe(true);

    await page.getByRole('checkbox', { name: 'Kela benefits' }).check();
    await page.getByRole('checkbox', { name: 'Something else' }).check();
    await page.getByLabel('What other topic?').fill('Opening a bank account');
    await next();

    await page.getByText('Step 2 of 4').waitFor();
    await page.getByLabel('Full name').fill('Amina Example');
    await page.getByLabel('Language you want to use with us').selectOption({ label: 'Arabic' });
    await next();

    await page.getByText('Step 3 of 4').waitFor();
    await page.getByRole('radio', { name: 'Phone call' }).check();
    await page.getByLabel('Phone number').fill('+358 40 123 4567');
    expect(await page.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByLabel("Interpreter's language").selectOption({ label: 'Arabic' });
    await next();

    await page.getByText('Step 4 of 4').waitFor();
    const consent = page.getByRole('checkbox', { name: 'I agree to the processing of my data' });
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await next();

    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    const review = await page.locator('main').innerText();
    for (const shown of ['Kela benefits', 'Opening a bank account', 'Amina Example', 'Arabic', 'Phone call', '+358 40 123 4567']) {
      expect(review).toContain(shown);
    }
    expect(await page.getByRole('button', { name: /^Change/ }).count()).toBe(4);

    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
    const reference = (await page.locator('.reference [data-reference]').innerText()).trim();
    expect(reference).toMatch(REFERENCE);
    expect(await page.evaluate(() => localStorage.getItem('koto:draft:heinola:guidance'))).toBeNull();
  });

  it('pressing Next with nothing filled focuses the error summary, and each error is tied to its field', async () => {
    await openGuidance();
    await next();

    const summary = page.getByRole('alert').filter({ hasText: /answers? needs? checking:/ });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true); // focus follows the render
    expect(await summary.getByRole('link', { name: 'Topics: please answer this question.' }).count()).toBe(1);

    const option = page.getByRole('checkbox', { name: 'Housing' });
    const describedBy = ((await option.getAttribute('aria-describedby')) ?? '').split(/\s+/);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).allInnerTexts()));
    expect(descriptions.flat().join(' ')).toContain('Topics: please answer this question.');

    await summary.getByRole('link').click();
    expect(await option.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('lands an answer the server refuses on its field, with the summary focused, and sends once it is fixed', async () => {
    await openGuidance();
    await page.getByRole('checkbox', { name: 'Housing' }).check();
    await next();
    await page.getByLabel('Full name').fill('Amina Example');
    await page.getByLabel('Language you want to use with us').selectOption({ label: 'Arabic' });
    await next();
    await page.getByRole('radio', { name: 'Email' }).check();
    await page.getByLabel('Email address').fill('amina@example.org');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await next();
    await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
    await next();
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();

    // The browser checks the same schema, so only a changed request reaches the server's own check: the first
    // send goes out with a name over the schema's 200 characters, and the real server answers 400.
    const submissions = `${server.url}/api/forms/guidance/submissions`;
    const statuses: number[] = [];
    page.on('response', (res) => void (res.url() === submissions && statuses.push(res.status())));
    await refuseNextGuidanceSubmission(page, server);
    await page.getByRole('button', { name: 'Send' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Full name: write at most 200 characters.' });
    await summary.waitFor();
    expect(statuses).toEqual([400]);
    expect(await page.getByText('Step 2 of 4').isVisible()).toBe(true);
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    const name = page.getByLabel('Full name');
    const describedBy = ((await name.getAttribute('aria-describedby')) ?? '').split(/\s+/);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).allInnerTexts()));
    expect(descriptions.flat().join(' ')).toContain('Full name: write at most 200 characters.');
    expect(await axeViolations(page)).toEqual([]);

    await name.fill('Amina Example-Said');
    await next();
    await next();
    await next();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
    expect(statuses).toEqual([400, 201]);
  });

  it('finds no WCAG 2.2 A/AA problems on the form, at first and with errors', async () => {
    await openGuidance();
    expect(await axeViolations(page)).toEqual([]);
    await next();
    await page.locator('.error-summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
