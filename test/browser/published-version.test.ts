import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, signIn, usePhonePage, type PhoneRig } from '../support/browser.js';

let rig: PhoneRig;
usePhonePage((r) => (rig = r));

const ADMIN = 'admin@koto.local';

/** Collects the page's Content-Security-Policy violations as they happen. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

describe('a form version published while the server runs', () => {
  it('reaches a resident page opened afterwards, validated in the browser by its own module, while a resident who started before still sends', async () => {
    const { server, browser, page } = rig;
    const before = await watchCsp(page);
    // A resident starts the guidance form before the publish.
    await page.goto(`${server.url}/en/heinola/guidance`);
    await page.getByRole('checkbox', { name: 'Kela benefits' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Step 2 of 4').waitFor();

    // An admin changes the English title and shortens "What other topic?" to 20 characters, and publishes.
    const adminContext = await browser.newContext({ viewport: PHONE });
    const admin = await adminContext.newPage();
    await signIn(server, admin, ADMIN);
    const api = (method: string, path: string, data?: unknown) =>
      adminContext.request.fetch(`${server.url}${path}`, {
        method,
        headers: { origin: server.url },
        ...(data === undefined ? {} : { data }),
      });
    const draft = (await (await api('GET', '/api/admin/forms/guidance/draft')).json()) as {
      definition: { version: number; texts: { en: { title: string } }; schema: { properties: Record<string, Record<string, unknown>> } };
      revision: number;
    };
    const published = draft.definition.version;
    draft.definition.texts.en.title = 'Guidance and advice for everyone';
    draft.definition.schema.properties['topicOther']!['maxLength'] = 20;
    expect((await api('PUT', '/api/admin/forms/guidance/draft', { definition: draft.definition, revision: draft.revision })).status()).toBe(
      200,
    );
    const publish = await api('POST', '/api/admin/forms/guidance/publish', { note: 'Shorter other topic.' });
    expect(publish.status()).toBe(201);
    expect(await publish.json()).toEqual({ version: published + 1 });
    await adminContext.close();

    // A resident who opens the form now gets the new version, and its rules are checked in the browser.
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const fresh = await context.newPage();
    const after = await watchCsp(fresh);
    const posts: string[] = [];
    fresh.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await fresh.goto(`${server.url}/en/heinola/guidance`);
    await fresh.getByRole('heading', { level: 1, name: 'Guidance and advice for everyone' }).waitFor();
    await fresh.getByRole('checkbox', { name: 'Something else' }).check();
    await fresh.getByLabel('What other topic?').fill('Opening a bank account in Heinola');
    await fresh.getByRole('button', { name: 'Next' }).click();
    await fresh.locator('.error-summary').waitFor();
    expect(await fresh.getByText('Step 1 of 4').isVisible()).toBe(true);
    expect(posts).toEqual([]);
    await context.close();

    // The resident who started before the publish finishes and sends: version N is taken during the grace period.
    await page.getByLabel('Full name').fill('Amina Example');
    await page.getByLabel('Language you want to use with us').selectOption({ label: 'Arabic' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Step 3 of 4').waitFor();
    await page.getByRole('radio', { name: 'I will come in person' }).check();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Step 4 of 4').waitFor();
    await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();

    expect([...before, ...after]).toEqual([]);
  });
});
