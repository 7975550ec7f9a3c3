import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import type { Lang } from '../../schemas/src/index.js';
import { axeViolations, PHONE, usePhonePage } from '../support/browser.js';
import { catalog } from '../support/test-app.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
let server: LocalServer;
let page: Page;

usePhonePage((rig) => ({ server, page } = rig));

const field = (lang: Lang, id: string) => catalog.forms.find((f) => f.id === 'guidance')!.texts[lang]!.fields[id]!;
const next = () => page.locator('form button[type="submit"]').click();

describe('a resident who needs an interpreter, on a 360 px phone in Dari/Persian', () => {
  it('picks the language from the list, names another one in its own field, and the page stays axe-clean', async () => {
    await page.goto(`${server.url}/fa/heinola/guidance`);
    await page.getByRole('checkbox', { name: field('fa', 'topics').options!['work']! }).check();
    await next();
    await page.getByLabel(field('fa', 'fullName').label).fill('احمد رحیمی');
    await next();
    await page.getByRole('radio', { name: field('fa', 'contactWay').options!['visit']! }).check();
    await page.getByRole('radio', { name: field('fa', 'interpreterNeeded').options!['true']! }).check();

    const language = page.getByLabel(field('fa', 'interpreterLanguage').label);
    await language.selectOption({ label: field('fa', 'interpreterLanguage').options!['prs']! });
    expect(await page.getByLabel(field('fa', 'interpreterLanguageOther').label).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await language.selectOption({ label: field('fa', 'interpreterLanguage').options!['other']! });
    const other = page.getByLabel(field('fa', 'interpreterLanguageOther').label);
    await other.waitFor();
    await next();
    // "Which language?" is asked only now, and is required.
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await other.fill('ازبکی');
    await next();
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
