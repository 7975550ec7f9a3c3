import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const next = () => page.getByRole('button', { name: 'Next' }).click();
const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth <= 360);

/** Picks the best score of a 1–5 question by its label. */
async function rate(label: string): Promise<void> {
  await page
    .locator('fieldset', { has: page.locator('legend', { hasText: label }) })
    .last()
    .getByRole('radio', { name: /^5/ })
    .check();
}

/** The feedback link in the newest mail to `email` in the local outbox. */
async function feedbackLink(email: string): Promise<string> {
  const files = (await readdir(server.outboxDir))
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  for (const file of files) {
    const mail = await simpleParser(await readFile(join(server.outboxDir, file)));
    if (!JSON.stringify(mail.to ?? '').includes(email)) continue;
    const link = /https?:\/\/\S+\?invite=[\w-]+/.exec(mail.text ?? '')?.[0];
    if (link) return link;
  }
  throw new Error(`no feedback link to ${email} in the outbox`);
}

/** Fills in the feedback form from its first step, leaving the service as it is, and sends it. */
async function rateAndSend(): Promise<void> {
  await rate('How satisfied are you with the service?');
  await rate('Was it easy to get the service?');
  await rate('Did you get help with your own matter?');
  await next();
  await page.getByText('Step 2 of 4').waitFor();
  await rate('Did you feel welcome and safe?');
  await next();
  await page.getByText('Step 3 of 4').waitFor();
  await next();
  await page.getByText('Step 4 of 4').waitFor();
  await page.getByRole('checkbox', { name: 'I agree to the processing of my feedback' }).check();
  await next();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
}

describe('feedback on a phone', () => {
  it('is offered on a confirmation page, opening the feedback form with the service chosen', async () => {
    const reference = await submitGuidance(server, { lang: 'en' });
    // The confirmation page as the flow leaves it: the receipt in the history entry (a reload shows it again).
    await page.goto(`${server.url}/en/heinola/guidance`);
    await page.evaluate(
      (ref) => window.history.replaceState({ receipt: { reference: ref, submittedAt: '', confirmationBy: [], next: '' } }, ''),
      reference,
    );
    await page.reload();
    const link = page.getByRole('link', { name: 'Tell us how we did' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/en/heinola/feedback?service=guidance');
    expect(await fitsPhone()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Give feedback' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Guidance and advice' }).isChecked()).toBe(true);
    // Chosen, not fixed: the resident may still pick another service.
    expect(await page.getByRole('radio', { name: 'Civic orientation' }).isChecked()).toBe(false);
  });

  it('comes by a personal link when staff close a case, says which service it is about, and works once', async () => {
    const email = 'amina.feedback@example.com';
    const reference = await submitGuidance(server, { lang: 'en' }, { contactWay: 'email', email, phone: undefined });
    await signIn(server, page, STAFF);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
    expect(await page.getByLabel('Lähetä palautepyyntö').count()).toBe(0);
    await page.getByLabel('Tila', { exact: true }).selectOption({ label: 'valmis' });
    await page.getByLabel('Lähetä palautepyyntö').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('status').filter({ hasText: 'Palautepyyntö lähetettiin sähköpostilla.' }).waitFor();

    const link = await feedbackLink(email);
    expect(link).toContain('/en/heinola/feedback?invite=');
    const resident = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 360, height: 740 } });
    page = await resident.newPage();
    await page.goto(link);
    await page.getByText('Your feedback is about the service: Guidance and advice.').waitFor();
    expect(await page.getByRole('radio').first().isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Civic orientation' }).count()).toBe(0);
    expect(await fitsPhone()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Moving on drops the query from the address, and a reload keeps the link all the same (the tab holds it).
    await rate('How satisfied are you with the service?');
    await rate('Was it easy to get the service?');
    await rate('Did you get help with your own matter?');
    await next();
    await page.getByText('Step 2 of 4').waitFor();
    expect(page.url()).not.toContain('invite');
    await page.reload();
    await page.getByText('Step 2 of 4').waitFor();
    await page.getByText('Your feedback is about the service: Guidance and advice.').waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByText('Step 1 of 4').waitFor();
    await rateAndSend();
    expect(await page.getByRole('link', { name: 'Tell us how we did' }).count()).toBe(0);

    // Used up: the same link now leads to the ordinary form, saying so.
    await page.goto(link);
    await page.getByText('This feedback link has already been used or has expired.', { exact: false }).waitFor();
    expect(await page.getByRole('radio', { name: 'Civic orientation' }).count()).toBe(1);
    await resident.close();
  });
});
