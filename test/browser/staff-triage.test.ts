import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser } from 'mailparser';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../functions/src/entry/local-server.js';
import { guidanceBody } from '../support/test-app.js';

// Real Chromium from the system (apt), never a downloaded one. Needs `npm run build` first (dist/web).
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PHONE = { width: 360, height: 740 };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium missing: apt-get install -y chromium');
  server = await startLocalServer({ port: 0, webDir: 'dist/web', schemasDir: 'schemas', log: () => {} });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

/** A resident sends the guidance form through the public API; returns its reference. */
async function submitGuidance(overrides: Record<string, unknown> = {}, answers: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(`${server.url}/api/forms/guidance/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(guidanceBody(overrides, answers)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

/** The sign-in link in the newest sign-in mail of the local outbox. */
async function newestSignInLink(): Promise<string> {
  // Outbox file names start with their ISO time, so the newest sorts last.
  const files = (await readdir(server.outboxDir)).filter((f) => f.endsWith('.eml')).sort().reverse();
  for (const file of files) {
    const mail = await simpleParser(await readFile(join(server.outboxDir, file)));
    if (!mail.subject?.startsWith('Kirjautumislinkki')) continue;
    const link = /https?:\/\/\S+\/auth\/verify\?token=[\w%-]+/.exec(mail.text ?? '')?.[0];
    if (link) return link;
  }
  throw new Error('no sign-in mail in the outbox');
}

/** Signs in as the staff member does: asks for a link on /staff, opens it from the mail, presses the button. */
async function signIn(): Promise<void> {
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('Sähköpostiosoite').fill(STAFF);
  await page.getByRole('button', { name: 'Lähetä kirjautumislinkki' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tarkista sähköpostisi' }).waitFor();
  await page.goto(await newestSignInLink());
  await page.getByRole('button', { name: /Kirjaudu sisään/ }).click();
  await page.waitForURL(`${server.url}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Saapuneet lomakkeet' }).waitFor();
}

async function openSubmission(reference: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(reference) }).click();
  await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
}

async function axeViolations(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('a staff member on a phone', () => {
  it('signs in by the emailed link, opens a submission, changes its status and adds a note', async () => {
    const reference = await submitGuidance({ lang: 'sv' }, { message: 'Hej, jag behöver hjälp' });
    await signIn();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

    const item = page.getByRole('listitem').filter({ hasText: reference });
    expect(await item.innerText()).toMatch(/Ohjaus ja neuvonta[\s\S]*uusi[\s\S]*ruotsi/);
    await openSubmission(reference);

    // Finnish label, the label the resident saw beside it, and free text as typed in the resident's language.
    expect(await page.getByText('Miten otamme sinuun yhteyttä?').isVisible()).toBe(true);
    expect(await page.locator('[lang="sv"]', { hasText: 'Hur ska vi kontakta dig?' }).count()).toBe(1);
    expect(await page.locator('.staff-freetext[lang="sv"]', { hasText: 'Hej' }).innerText()).toBe('Hej, jag behöver hjälp');

    await page.getByLabel('Tila', { exact: true }).selectOption({ label: 'käsittelyssä' });
    await page.getByRole('button', { name: 'Tallenna tila' }).click();
    await page.getByRole('status').filter({ hasText: 'Tila tallennettu: käsittelyssä.' }).waitFor();
    await page.getByLabel('Sisäinen muistiinpano').fill('Soitan asiakkaalle huomenna');
    await page.getByRole('button', { name: 'Lisää muistiinpano' }).click();
    await page.getByRole('status').filter({ hasText: 'Muistiinpano lisätty' }).waitFor();

    const history = page.locator('.staff-history');
    expect(await history.innerText()).toMatch(/Tila muutettu: uusi → käsittelyssä[\s\S]*Sisäinen muistiinpano\s*Soitan asiakkaalle huomenna/);
    expect(await page.getByLabel('Sisäinen muistiinpano').inputValue()).toBe('');

    const saved = await page.evaluate(async (ref) => (await fetch(`/api/staff/submissions/${ref}`)).json(), reference);
    expect(saved).toMatchObject({ status: 'in_progress', version: 3 });
    expect((saved as { history: { action: string }[] }).history.map((h) => h.action)).toEqual(['status', 'note']);
  });

  it('finds no WCAG 2.2 A/AA problems on the sign-in page, the inbox and a submission, and fits 360 px', async () => {
    const reference = await submitGuidance({ lang: 'en' }, { message: 'I need help with housing' });
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Sähköpostiosoite').waitFor();
    expect(await axeViolations()).toEqual([]);

    await signIn();
    await page.getByRole('listitem').filter({ hasText: reference }).waitFor();
    expect(await axeViolations()).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);

    await openSubmission(reference);
    expect(await axeViolations()).toEqual([]);
    expect(await fitsPhone()).toBeLessThanOrEqual(PHONE.width);
  });

  it('finds a reference typed in lower case with spaces, and reloads with a clear message when a change is stale', async () => {
    const reference = await submitGuidance();
    await signIn();
    await page.getByLabel('Hae asiointitunnuksella').fill(reference.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();

    // Someone else marks it done meanwhile (version 1 → 2); this page still shows version 1.
    const other = await page.evaluate(
      async (ref) =>
        (await fetch(`/api/staff/submissions/${ref}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done', expectedVersion: 1 }) })).status,
      reference,
    );
    expect(other).toBe(200);

    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Joku muu muutti tätä lomaketta' }).waitFor();
    expect(await page.locator('.staff-facts').innerText()).toContain('valmis');
    expect(await page.getByLabel('Tila', { exact: true }).inputValue()).toBe('done');

    // The fresh version is used from now on.
    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByRole('status').filter({ hasText: 'Otit lomakkeen käsittelyyn.' }).waitFor();
    expect(await page.locator('.staff-assignee').innerText()).toContain(STAFF);
  });
});
