import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, PHONE, signIn, submitGuidance, usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const STAFF = 'staff.heinola@koto.local';
const MAILBOX = 'kotoutumisohjaaja@heinola.fi';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

/** The claim link of the notification `MAILBOX` got for `reference`, waiting for the in-process notifier to send it. */
async function mailedClaimLink(reference: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    for (const file of (await readdir(server.outboxDir)).filter((f) => f.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(server.outboxDir, file)));
      if (mail.headers.get('x-koto-reference') !== reference || !JSON.stringify(mail.to ?? '').includes(MAILBOX)) continue;
      const link = /^Ota käsittelyyn: (\S+)$/m.exec(mail.text ?? '')?.[1];
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no notification to ${MAILBOX} for ${reference}`);
}

const detail = (reference: string) =>
  page.evaluate(async (ref) => (await fetch(`/api/staff/submissions/${ref}`)).json(), reference) as Promise<{
    status: string;
    assignee: string | null;
    version: number;
    history: { action: string; by: string; to?: string; note?: string }[];
  }>;

/** Applies the inbox's assignee filter, chosen by its visible label. */
async function filterAssignee(label: string): Promise<void> {
  await page.getByLabel('Käsittelijä', { exact: true }).selectOption({ label });
  await page.getByRole('button', { name: 'Näytä' }).click();
  await page.waitForURL(/assignee=/);
}

/** Boxes of the card's status badge and of every other label and value in its facts that it could run into. */
const overlaps = (reference: string) =>
  page.evaluate((ref) => {
    const card = [...document.querySelectorAll('.staff-item')].find((li) => li.textContent?.includes(ref))!;
    const badge = card.querySelector('.staff-status')!.getBoundingClientRect();
    const cell = card.querySelector('.staff-status')!.closest('div')!;
    const others = [...card.querySelectorAll('.staff-item__facts > div')].filter((d) => d !== cell);
    const hit = (r: DOMRect) => badge.left < r.right && r.left < badge.right && badge.top < r.bottom && r.top < badge.bottom;
    return {
      hits: others.flatMap((d) => [...d.children].filter((el) => hit(el.getBoundingClientRect())).map((el) => el.textContent)),
      inside: badge.right <= cell.getBoundingClientRect().right + 0.5 && badge.right <= window.innerWidth,
    };
  }, reference);

describe('who handles what, on a phone', () => {
  it('claims from the mail as the member signed in, filters "mine", and assigns a colleague with status and note in one save', async () => {
    const reference = await submitGuidance(server, {}, { receiptEmail: 'olena@example.com' });
    await signIn(server, page, STAFF);

    // The mail's claim link, opened in the browser where the member is signed in: the claim is theirs.
    await page.goto(await mailedClaimLink(reference));
    expect(await page.getByText('toiminto kirjataan sinulle').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByText('Tehty.').waitFor();
    expect(await page.getByText(`käsittelijä: ${STAFF}`).isVisible()).toBe(true);
    const claimed = await detail(reference);
    expect(claimed).toMatchObject({ status: 'in_progress', assignee: STAFF, version: 2 });
    expect(claimed.history.map((h) => h.by)).toEqual([STAFF, STAFF]);

    // "Mine" lists it; the card tells its topics, its age and who has it.
    await page.goto(`${server.url}/staff`);
    await filterAssignee('Minä');
    const card = page.getByRole('listitem').filter({ hasText: reference });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Aiheet');
    expect(text).toContain('Asuminen, Kelan etuudet');
    expect(text).toMatch(/\(tänään\)/);
    expect(text).toContain('sinä');
    expect(text).not.toContain('Olena');
    expect(await axeViolations(page)).toEqual([]);

    // The detail: the handling one step from the top, the resident's number and address as links.
    await card.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('heading', { level: 2, name: 'Vastaukset' }).waitFor();
    await page.getByRole('link', { name: 'Siirry käsittelyyn' }).click();
    await page.waitForURL(/#triage$/);
    expect(await page.locator('#triage').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(PHONE.height / 2);
    expect(await page.getByRole('link', { name: '+358 40 123 4567' }).getAttribute('href')).toBe('tel:+358401234567');
    expect(await page.getByRole('link', { name: 'olena@example.com' }).getAttribute('href')).toBe('mailto:olena@example.com');

    // Status, a colleague and a note: one save, one new version.
    await page.getByLabel('Tila', { exact: true }).selectOption({ label: 'odottaa asiakasta' });
    await page.getByLabel('Käsittelijä', { exact: true }).selectOption({ label: 'Koto Admin' });
    await page.getByLabel('Sisäinen muistiinpano').fill('Admin soittaa tulkin kanssa');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('status').filter({ hasText: 'Muutokset tallennettu.' }).waitFor();
    expect(await page.locator('.staff-assignee').innerText()).toContain('admin@koto.local');
    expect(await page.getByLabel('Sisäinen muistiinpano').inputValue()).toBe('');
    const saved = await detail(reference);
    expect(saved).toMatchObject({ status: 'waiting_resident', assignee: 'admin@koto.local', version: 3 });
    expect(saved.history.slice(2).map((h) => [h.action, h.by])).toEqual([
      ['status', STAFF],
      ['assign', STAFF],
      ['note', STAFF],
    ]);
    // Saving nothing changed says so, and sends nothing.
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ei tallennettavaa' }).waitFor();
    expect((await detail(reference)).version).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The colleague's work is found under their name, and its longest status badge stays in its own cell.
    await page.goto(`${server.url}/staff`);
    await filterAssignee('Koto Admin');
    await card.waitFor();
    expect(await overlaps(reference)).toEqual({ hits: [], inside: true });
    await filterAssignee('Minä');
    await page
      .getByRole('status')
      .filter({ hasText: /Rajauksia vastaavia|lomake/ })
      .waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: reference }).count()).toBe(0);
  });

  it('lists the unassigned apart from what the shared mailbox claimed by an anonymous link', async () => {
    const free = await submitGuidance(server);
    const byMailbox = await submitGuidance(server);
    // Opened where nobody is signed in: the mailbox claims it.
    await page.goto(await mailedClaimLink(byMailbox));
    await page.getByRole('button', { name: 'Ota käsittelyyn' }).click();
    await page.getByText(`käsittelijä: ${MAILBOX}`).waitFor();

    await signIn(server, page, STAFF);
    await filterAssignee('Ei käsittelijää');
    await page.getByRole('listitem').filter({ hasText: free }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: byMailbox }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
