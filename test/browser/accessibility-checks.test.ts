import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { axeRun } from '../support/axe.js';
import { PHONE, startBrowserRig, type BrowserRig } from '../support/browser.js';
import { checkPage, settle } from './accessibility-matrix.js';

// The checks the accessibility matrix and the walk-throughs rely on, shown to find what they look for: a page the
// matrix passes is only as good as checks that can fail. Needs `npm run build` first (dist/web).

let rig: BrowserRig | undefined;
let server: LocalServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startBrowserRig();
  ({ server, browser } = rig);
  page = await (await browser.newContext({ viewport: PHONE, locale: 'en' })).newPage();
});

afterAll(async () => {
  await rig?.close();
});

async function open(path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await settle(page, 'form .questions');
}

describe('the accessibility checks', () => {
  it('pass a form as it ships, and run again in each new document', async () => {
    await open('/en/heinola/guidance');
    expect(await axeRun(page)).toEqual([]);
    expect(await checkPage(page, 'en')).toEqual([]);
    await open('/fi/orimattila/guidance');
    expect(await page.evaluate(() => 'axe' in window)).toBe(false);
    expect(await axeRun(page)).toEqual([]);
  });

  it('find a nameless button, a missing language, faint text, a small target and content off the screen', async () => {
    await open('/en/heinola/guidance');
    await page.evaluate(() => {
      document.documentElement.removeAttribute('lang');
      // Styled through the CSSOM: the pages' CSP refuses style attributes written as markup.
      const add = (tag: string, id: string, text: string, style: Record<string, string>) => {
        const el = document.createElement(tag);
        el.id = id;
        el.textContent = text;
        for (const [name, value] of Object.entries(style)) el.style.setProperty(name, value);
        document.querySelector('main')!.append(el);
      };
      add('button', 'nameless', '', { width: '20px', height: '20px' });
      add('p', 'faint', 'Faint text', { color: '#c8c8c8', background: '#fff' });
      add('div', 'wide', 'Wide', { width: '600px' });
    });
    const found = await axeRun(page);
    expect(found.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast', 'html-has-lang']);
    expect(found.find((v) => v.id === 'button-name')?.targets).toEqual(['#nameless']);
    expect((await axeRun(page, { contrast: false })).map((v) => v.id)).not.toContain('color-contrast');

    const problems = await checkPage(page, 'en');
    expect(problems).toEqual(
      expect.arrayContaining([
        '<html lang="" dir="ltr">, expected lang="en" dir="ltr"',
        'axe button-name (critical): #nameless',
        'target 20×20 px < 44: <button> ""',
        expect.stringMatching(/^320 px: horizontal scroll: \d+ > 320 px$/),
        expect.stringMatching(/^320 px, 200 % text: outside the screen .*<div#wide> "Wide"$/),
      ]),
    );
  });
});
