import { mkdir } from 'node:fs/promises';
import { type BrowserContext, type Cookie, type Page, type Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import type { Report } from '../../schemas/src/report-contract.js';
import { PHONE, axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';
import { PLACEHOLDER_WIDTH } from '../../web/src/staff/ReportChart.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
//
// The figures come from the real `GET /api/reports` over the local store: the tests read them from whatever the page
// was answered, and submit a few forms first so that some counts are below 5 (suppressed).

const ADMIN = 'admin@koto.local';
const HEINOLA = 'staff.heinola@koto.local';
const DESKTOP = { width: 1280, height: 900 };
const A4_CONTENT = { width: 680, height: 962 };
const SHOTS = '/tmp/koto/shots-reports';

let server: LocalServer;
let context: BrowserContext;
let page: Page;

usePhonePage((rig) => ({ server, context, page } = rig));

// Sign-in links are limited to five per mailbox in 15 minutes: each member signs in once, later tests reuse the session.
const sessions = new Map<string, Cookie[]>();
let submitted = false;

async function signedIn(email: string): Promise<void> {
  const cookies = sessions.get(email);
  if (!cookies) {
    await signIn(server, page, email);
    sessions.set(email, await context.cookies());
    return;
  }
  await context.addCookies(cookies);
  await page.goto(`${server.url}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Saapuneet lomakkeet' }).waitFor();
}

/** The last twelve full months before this one, in Helsinki time, as the page's default; `upToNow`: this one last. */
function lastTwelveMonths(now = new Date(), upToNow = false): { from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const at = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const last = year * 12 + month - (upToNow ? 1 : 2);
  return { from: at(last - 11), to: at(last) };
}

/**
 * Signs in, opens the reports from the header link (the default period), and returns the report the page was
 * answered with. `upToNow`: then the twelve months up to this one, which hold the forms these tests send.
 */
async function openReports(email: string, upToNow = true): Promise<{ report: Report; asked: URLSearchParams }> {
  if (!submitted) {
    await submitGuidance(server);
    await submitGuidance(server, { lang: 'ar' });
    submitted = true;
  }
  await signedIn(email);
  let answered = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/reports');
  await page.getByRole('navigation').getByRole('link', { name: 'Raportit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Raportit' }).waitFor();
  if (upToNow) {
    await answered;
    answered = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/reports');
    await page.goto(`${server.url}/staff/reports?${new URLSearchParams(lastTwelveMonths(new Date(), true))}`);
  }
  const response = await answered;
  expect(response.status()).toBe(200);
  await page.locator('.report-section').first().waitFor();
  return { report: (await response.json()) as Report, asked: new URL(response.url()).searchParams };
}

/** The whole page, and each section apart (a phone's full page is too tall to look at whole). */
async function shot(name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` });
  const sections = await page.locator('.report-section').all();
  for (const [i, section] of sections.entries()) await section.screenshot({ path: `${SHOTS}/${name}-${i + 1}.png` });
}

const toggles = () => page.getByRole('button', { name: 'Näytä taulukkona' });

/** Every table view of the page, opened by clicking. */
async function openAllTables(): Promise<void> {
  const count = await toggles().count();
  for (let i = 0; i < count; i++) if ((await toggles().nth(i).getAttribute('aria-expanded')) === 'false') await toggles().nth(i).click();
}

describe('the reports page on a phone', () => {
  it('shows the last twelve full months of all the admin’s towns, axe-clean with the tables closed and open', async () => {
    const { asked } = await openReports(ADMIN, false);
    expect(Object.fromEntries(asked)).toEqual(lastTwelveMonths());
    const { report } = await openReports(ADMIN);
    expect(await page.getByRole('link', { name: 'Raportit' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByLabel('Kunta').inputValue()).toBe('');

    // Each section: a heading, its sentence naming the chart, the chart, and a closed table view.
    for (const name of ['Lomakkeet palveluittain', 'Asiointikielet', 'Lomakkeet kunnittain', 'Käsittelyajat', 'Kehitys vuoden takaiseen']) {
      const section = page.getByRole('region', { name, exact: true });
      const chart = section.getByRole('img');
      expect(await chart.count()).toBe(1);
      const summary = await section.locator('figcaption').textContent();
      expect(summary).toMatch(/\.$/);
      expect(await chart.getAttribute('aria-labelledby')).toBe(await section.locator('figcaption').getAttribute('id'));
      expect(await section.getByRole('table').count()).toBe(0);
    }
    expect(await page.getByRole('region', { name: 'Vaikuttavuusmittarit' }).getByRole('img').count()).toBe(report.measures.length);
    // The sentence is computed from the figures, in Finnish number formatting; suppressed totals name no one.
    const top = report.byService.filter((r) => typeof r.total === 'number').sort((a, b) => (b.total as number) - (a.total as number))[0];
    expect(await page.getByRole('region', { name: 'Lomakkeet palveluittain' }).locator('figcaption').textContent()).toMatch(
      top ? new RegExp(`^.+ sai eniten yhteydenottoja: ${top.total} \\(\\d+\u00a0%\\)\\.$`) : /^Kaikki määrät ovat alle viisi/,
    );

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await shot('phone-closed');

    await openAllTables();
    expect(await page.getByRole('table').count()).toBe(await toggles().count());
    for (const table of await page.getByRole('table').all()) {
      expect(await table.locator('caption').count()).toBe(1);
      expect(await table.locator('th[scope="col"]').count()).toBeGreaterThan(1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await shot('phone-open');
  });

  it('opens a table view from the keyboard: Tab to the toggle, Enter opens it, Space the next one', async () => {
    await openReports(ADMIN);
    // The last download link is the last thing to focus before the first section's toggle.
    await page.getByRole('link', { name: /Lataa CSV ohjelmille/ }).focus();
    await page.keyboard.press('Tab');
    const first = toggles().first();
    expect(await first.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const table = page.getByRole('table', { name: 'Saapuneet lomakkeet palveluittain ja kuukausittain' });
    await table.waitFor();
    // Then the table's scrolling region (it scrolls sideways by keyboard), then the next section's toggle.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
    await page.keyboard.press('Tab');
    const second = toggles().nth(1);
    expect(await second.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await second.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('table', { name: 'Saapuneet lomakkeet asiointikielittäin ja kuukausittain' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await second.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('table').count()).toBe(1);
  });

  it('shows a suppressed cell as "<5": a fixed hatched placeholder in the chart, never a number', async () => {
    const { report } = await openReports(ADMIN);
    await openAllTables();

    // The services table: each cell as the report has it, "<5" where suppressed.
    const table = page.getByRole('table', { name: 'Saapuneet lomakkeet palveluittain ja kuukausittain' });
    const cells = report.byService.flatMap((row) => [...row.months, row.total]);
    const suppressed = cells.filter((c) => c === '<5').length;
    expect(suppressed).toBeGreaterThan(0);
    const shown = await table.locator('tbody td').allTextContents();
    expect(shown).toEqual(cells.map((c) => String(c)));

    // The services chart: one placeholder per suppressed total, all of one width, saying "<5" and nothing else.
    const chart = page.getByRole('region', { name: 'Lomakkeet palveluittain' }).getByRole('img');
    const hidden = report.byService.filter((row) => row.total === '<5');
    expect(hidden.length).toBeGreaterThan(0);
    const placeholders = chart.locator('.report-bar--suppressed');
    expect(await placeholders.count()).toBe(hidden.length);
    for (const placeholder of await placeholders.all()) {
      expect(await placeholder.locator('title').textContent()).toMatch(/: <5$/);
      expect(await placeholder.locator('text').textContent()).toBe('<5');
    }
    // Everywhere: a suppressed bar has no bar of its own length, and no element carries a figure in an attribute.
    const everyPlaceholder = page.locator('.report-bar--suppressed');
    expect(await everyPlaceholder.count()).toBeGreaterThan(hidden.length);
    for (const placeholder of await everyPlaceholder.all()) {
      expect(await placeholder.locator('rect').count()).toBe(1);
      expect(await placeholder.locator('rect').getAttribute('width')).toBe(String(PLACEHOLDER_WIDTH));
      expect((await placeholder.textContent())!.replace(/^.*?: /, '')).toMatch(/^<5(<5)?$/);
    }
    const dataAttributes = await page
      .locator('main *')
      .evaluateAll((all) => all.flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('data-'))));
    expect(dataAttributes).toEqual([]);
    // A measure too few answered: its n is "<5" and its average is not shown.
    const inclusion = report.measures.find((m) => m.n === '<5');
    if (inclusion) expect(await page.getByText(/^Kuuluu joukkoon: keskiarvo –, n = <5/).count()).toBe(1);
  });

  it('prints without navigation, filters or buttons, with every table and chart shown', async () => {
    await openReports(ADMIN);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.locator('.staff-header').isVisible()).toBe(false);
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    expect(await page.getByLabel('Kunta').isVisible()).toBe(false);
    const tables = page.locator('table');
    expect(await tables.count()).toBeGreaterThan(5);
    for (const table of await tables.all()) expect(await table.isVisible()).toBe(true);
    for (const chart of await page.locator('svg[role="img"]').all()) expect(await chart.isVisible()).toBe(true);
    expect(
      await page
        .locator('.report-section')
        .nth(1)
        .evaluate((s) => getComputedStyle(s).breakBefore),
    ).toBe('page');
    await shot('phone-print');
    // On A4 (180 mm between the margins, 680 CSS px) every table fits across: nothing is cut off on paper.
    await page.setViewportSize(A4_CONTENT);
    const wider = await page.evaluate(
      (width) =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.report-table__scroll'))
          .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} ${Math.round(e.getBoundingClientRect().right)}`),
      A4_CONTENT.width,
    );
    expect(wider).toEqual([]);
    const overflowing = await page
      .locator('.report-table__scroll')
      .evaluateAll((all) =>
        all.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.querySelector('caption')?.textContent}: ${e.scrollWidth}`),
      );
    expect(overflowing).toEqual([]);
    await shot('a4-print');
    await page.pdf({ path: `${SHOTS}/report-a4.pdf`, format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation').isVisible()).toBe(true);
  });

  it('applies the chosen town and months, refuses a period the wrong way round, and links the CSV files', async () => {
    await openReports(ADMIN, false);
    await page.getByLabel('Kunta').selectOption('heinola');
    await page.getByLabel('Alkukuukausi').fill('2025-03');
    await page.getByLabel('Loppukuukausi').fill('2025-01');
    await page.getByRole('button', { name: 'Näytä raportti' }).click();
    await page.getByText('Loppukuukausi ei voi olla ennen alkukuukautta.').waitFor();
    expect(await page.getByLabel('Loppukuukausi').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Loppukuukausi').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).search).toBe('');

    await page.getByLabel('Loppukuukausi').fill('2025-08');
    const answered = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/reports');
    await page.getByRole('button', { name: 'Näytä raportti' }).click();
    const asked = new URL((await answered).url()).searchParams;
    expect(Object.fromEntries(asked)).toEqual({ municipality: 'heinola', from: '2025-03', to: '2025-08' });
    expect(new URL(page.url()).search).toBe('?municipality=heinola&from=2025-03&to=2025-08');
    await page.getByText('Jakso 3/2025–8/2025, Heinola.').waitFor();
    // One town: no section per town.
    await page.locator('.report-section').first().waitFor();
    expect(await page.getByRole('region', { name: 'Lomakkeet kunnittain' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Lataa CSV Exceliin (puolipiste, suomeksi)' }).getAttribute('href')).toBe(
      '/api/reports.csv?municipality=heinola&from=2025-03&to=2025-08&format=csv-fi',
    );
    expect(await page.getByRole('link', { name: 'Lataa CSV ohjelmille (koodit)' }).getAttribute('href')).toBe(
      '/api/reports.csv?municipality=heinola&from=2025-03&to=2025-08&format=csv',
    );
  });

  it('reports only the own town to a member of one town', async () => {
    const { asked } = await openReports(HEINOLA);
    expect(asked.get('municipality')).toBe('heinola');
    expect(await page.getByLabel('Kunta').locator('option').allTextContents()).toEqual(['Heinola']);
  });
});

describe('the reports page on a desktop', () => {
  it('is axe-clean with the tables closed and open, and fits the width', async () => {
    await page.setViewportSize(DESKTOP);
    await openReports(ADMIN);
    expect(await axeViolations(page)).toEqual([]);
    await shot('desktop-closed');
    await openAllTables();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    await shot('desktop-open');
  });
});
