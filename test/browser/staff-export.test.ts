import { readFile } from 'node:fs/promises';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeViolations, signIn, submitGuidance, usePhonePage } from '../support/browser.js';
import { csvTime, readFinnishCsv, readXlsx } from '../support/exports.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const PHONE_WIDTH = 360;
const STAFF = 'staff.heinola@koto.local';

let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

/** Clicks an export link and returns the file the browser saved, with the name it suggested. */
async function download(name: string): Promise<{ file: string; bytes: Uint8Array }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await saved.path();
  return { file: saved.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe('a staff member on a phone exports the inbox', () => {
  it('as a Finnish CSV and an XLSX that read back to the same rows, answers as typed', async () => {
    const awkward = [
      { fullName: "=cmd|' /C calc'!A0", message: 'Rivi 1\n=1+1; "lainaus", pilkku', latinName: 'Emoji 👩‍👧 ja ä' },
      { fullName: 'مريم الأحمد', message: '@SUM(1+1)\r\n-2', latinName: 'Maryam al-Ahmad' },
    ];
    const references = [await submitGuidance(server, { lang: 'ar' }, awkward[0]), await submitGuidance(server, { lang: 'fi' }, awkward[1])];
    await signIn(server, page, STAFF);
    await page.goto(`${server.url}/staff?form=guidance`);
    await page.getByRole('listitem').filter({ hasText: references[0]! }).waitFor();
    expect(await page.getByText('(vastaukset mukana)').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);

    const csvFile = await download('Lataa CSV Exceliin (puolipiste, suomeksi)');
    const xlsxFile = await download('Lataa Excel-tiedosto (XLSX)');
    expect(csvFile.file).toMatch(/^koto-submissions-\d{4}-\d{2}-\d{2}-fi\.csv$/);
    expect(xlsxFile.file).toMatch(/^koto-submissions-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const csv = readFinnishCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvFile.bytes));
    const sheet = await readXlsx(xlsxFile.bytes);
    expect(sheet.map((row) => row.map((cell) => (cell instanceof Date ? csvTime(cell) : cell)))).toEqual(csv);

    const [header, ...rows] = csv;
    expect(header!.slice(0, 7)).toEqual(['Asiointitunnus', 'Lomake', 'Kunta', 'Tila', 'Kieli', 'Vastaanotettu', 'Käsittelijä']);
    const phone = header!.indexOf('Puhelinnumero');
    references.forEach((reference, i) => {
      const row = rows.find((r) => r[0] === reference)!;
      expect(row.slice(1, 5)).toEqual(['Ohjaus ja neuvonta', 'Heinola', 'uusi', i === 0 ? 'arabia' : 'suomi']);
      expect(row[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      for (const answer of Object.values(awkward[i]!)) expect(row).toContain(answer);
      expect(row[phone]).toBe('+358 40 123 4567');
      const cells = sheet.find((r) => r[0] === reference)!;
      expect(cells[5]).toBeInstanceOf(Date);
    });
  });
});
