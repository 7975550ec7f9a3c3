import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { WCAG_TAGS as WCAG, startBrowserRig } from '../support/browser.js';
import { LANGUAGES, dirOf, type Lang } from '../../schemas/src/languages.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const PHONE = { width: 360, height: 740 };
const NARROW = { width: 320, height: 740 };
const MIN_TARGET = 44;
const MUNICIPALITIES = ['heinola', 'orimattila'];
/** Every offered language that has interface texts (translators add more; each is tested as soon as it lands). */
const LANGS: Lang[] = LANGUAGES.map((l) => l.code).filter((code) => existsSync(`schemas/texts/${code}.json`));
/** Languages with their own accessibility statement; the others show the English one. */
const STATEMENTS = new Set(['fi', 'sv', 'en']);
/**
 * Voices the test device pretends to have. None for Swedish, and Filipino (`fil-PH`) is not Tagalog (`tl`): those
 * forms must show no Listen button, while the others show one on each question (so axe checks it too).
 */
const VOICES = ['fi-FI', 'en-GB', 'ru-RU', 'uk-UA', 'et-EE', 'ar-SA', 'fa-IR', 'th-TH', 'fil-PH'];

let server: LocalServer;
let browser: Browser;
/**
 * Pages checked at once. Part of a check is waiting (navigation, layout after a viewport or text-size change), so a
 * third page keeps two cores a little busier: the file took 574 s with two and 549 s with three on a 2-core machine.
 */
const LANGUAGES_AT_ONCE = 3;

/** One line per page state checked: language, path, state and the problems found. */
const checked: { lang: Lang; path: string; state: string; problems: string[] }[] = [];

beforeAll(async () => {
  ({ server, browser } = await startBrowserRig());
});

afterAll(async () => {
  printSummary();
  await browser?.close();
  await server?.close();
});

/** A phone in `lang` (the browser's language decides the start page) with speech voices for most languages. */
async function phoneIn(lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: lang });
  await context.addInitScript((tags: string[]) => {
    const voices = tags.map((tag) => ({ lang: tag, name: tag, voiceURI: tag, default: false, localService: true }));
    Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => voices });
  }, VOICES);
  return { context, page: await context.newPage() };
}

/** Waits until the page shows its content: a heading, nothing loading, and the footer's links. */
async function settle(page: Page, ready?: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  if (ready) await page.locator(ready).first().waitFor();
  await page.locator('.site-footer a').first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

async function axeProblems(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself instead of finishing each run in a new page: the pages have no
  // frames, so the result is the same, at about half the time per page (hundreds of pages here).
  const result = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id} (${v.impact ?? '?'}): ${n.target.join(' ')}`));
}

/** Interactive elements smaller than 44×44 CSS px; a radio or check box counts its whole label (the tap target). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((el) => {
      if (el.closest('.visually-hidden')) return [];
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
      const { width, height } = target.getBoundingClientRect();
      if (width === 0 && height === 0) return [];
      if (width >= min - 0.5 && height >= min - 0.5) return [];
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.id).trim().slice(0, 40);
      return [`target ${Math.round(width)}×${Math.round(height)} px < ${min}: <${el.tagName.toLowerCase()}> "${name}"`];
    });
  }, MIN_TARGET);
}

/** Horizontal scrolling, content outside the viewport, and content clipped by or spilling out of its box. */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = root.scrollWidth > width ? [`horizontal scroll: ${root.scrollWidth} > ${width} px`] : [];
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('body *')) {
      // Hidden on purpose: screen-reader-only text, and the skip link until it is focused.
      if (el.closest('.visually-hidden, .skip-link, .hidden')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1) problems.push(`outside the screen (${Math.round(box.left)}–${Math.round(box.right)} px): ${describe(el)}`);
      if (el.matches('input, select, textarea') || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`content wider than its box (${el.scrollWidth} > ${el.clientWidth} px): ${describe(el)}`);
      const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
      if (clips && el.scrollHeight > el.clientHeight + 1) problems.push(`content clipped (${el.scrollHeight} > ${el.clientHeight} px): ${describe(el)}`);
    }
    return problems;
  });
}

/**
 * 200 % text the way a resident sets it: the browser's default font size doubled (CDP `Page.setFontSizes`, what
 * the text-size setting changes). Unlike CSS zoom, which enlarges everything and so tests reflow, this enlarges
 * only what is sized in rem/em/% and exposes boxes fixed in px that would clip bigger text.
 */
async function withDoubleText<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const setSizes = (standard: number, fixed: number) => cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed } });
  await setSizes(32, 26);
  try {
    const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    if (root !== 36) throw new Error(`text size did not double: the root font is ${root}px, not 36px (18px × 2)`);
    return await run();
  } finally {
    await setSizes(16, 13);
    await cdp.detach();
  }
}

/** Every check of one page state; the problems are kept for the failure message and the summary. */
async function checkPage(page: Page, lang: Lang, state: string): Promise<string[]> {
  const path = new URL(page.url()).pathname;
  const problems: string[] = [];
  const [htmlLang, htmlDir] = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  if (htmlLang !== lang || htmlDir !== dirOf(lang)) problems.push(`<html lang="${htmlLang}" dir="${htmlDir}">, expected lang="${lang}" dir="${dirOf(lang)}"`);
  problems.push(...(await axeProblems(page)), ...(await smallTargets(page)));
  await page.setViewportSize(NARROW);
  problems.push(...(await overflow(page)).map((p) => `320 px: ${p}`));
  problems.push(...(await withDoubleText(page, () => overflow(page))).map((p) => `320 px, 200 % text: ${p}`));
  await page.setViewportSize(PHONE);
  checked.push({ lang, path, state, problems });
  return problems.map((p) => `${lang} ${path} [${state}] ${p}`);
}

/**
 * Runs `visit` for every language, each in its own context, `LANGUAGES_AT_ONCE` at a time, and fails
 * once at the end, listing every problem found.
 */
async function forEveryLanguage(visit: (page: Page, lang: Lang) => Promise<string[]>): Promise<void> {
  const byLang = new Map<Lang, string[]>();
  const queue = [...LANGS];
  const worker = async () => {
    for (let lang = queue.shift(); lang; lang = queue.shift()) {
      const { context, page } = await phoneIn(lang);
      try {
        byLang.set(lang, await visit(page, lang));
      } finally {
        await context.close();
      }
    }
  };
  await Promise.all(Array.from({ length: LANGUAGES_AT_ONCE }, worker));
  const problems = LANGS.flatMap((lang) => byLang.get(lang) ?? []);
  if (problems.length > 0) throw new Error(`${problems.length} accessibility problem(s):\n${problems.join('\n')}`);
}

/** `GET /api/forms`: the forms offered in `lang` and the municipality's contact details. */
async function services(municipality: string, lang: Lang): Promise<{ forms: { id: string }[]; municipality: { contact: { email: string } } }> {
  return (await fetch(`${server.url}/api/forms?municipality=${municipality}&lang=${lang}`)).json() as never;
}

async function formsOffered(municipality: string, lang: Lang): Promise<string[]> {
  return (await services(municipality, lang)).forms.map((f) => f.id);
}

function printSummary(): void {
  if (checked.length === 0) return;
  const count = (list: typeof checked, test: (p: string) => boolean) => list.reduce((n, c) => n + c.problems.filter(test).length, 0);
  const isAxe = (p: string) => p.startsWith('axe ');
  const rows = LANGS.filter((lang) => checked.some((c) => c.lang === lang)).map((lang) => {
    const mine = checked.filter((c) => c.lang === lang);
    const cells = [lang, new Set(mine.map((c) => c.path)).size, mine.length, count(mine, isAxe), count(mine, (p) => !isAxe(p))];
    return `| ${cells.join(' | ')} |`;
  });
  const pages = new Set(checked.map((c) => c.path.replace(/^\/[a-z]{2}(?=\/|$)/, ''))).size;
  const states = [...new Set(checked.map((c) => c.state))];
  const violations = count(checked, () => true);
  console.log(
    [
      'Accessibility matrix at 360×740: axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), <html lang dir>, 44×44 px targets;',
      'at 320 px, and at 320 px with 200 % text: no horizontal scroll, nothing off screen, clipped or spilling out.',
      '| lang | pages | states | axe violations | other problems |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      `States: ${states.join(', ')}.`,
      `pages × languages × states: ${checked.length} checked (${pages} pages, ${rows.length} languages), ${violations} violations`,
    ].join('\n'),
  );
}

describe('accessibility in every language, on a phone', () => {
  it('the start, municipality, services and accessibility statement pages', { timeout: 600_000 }, async () => {
    await forEveryLanguage(async (page, lang) => {
      const problems: string[] = [];
      await page.goto(`${server.url}/`);
      await settle(page, '.choice-list--languages');
      problems.push(...(await checkPage(page, lang, 'start')));

      await page.goto(`${server.url}/${lang}`);
      await settle(page, '.choice-list a');
      problems.push(...(await checkPage(page, lang, 'municipalities')));
      await page.locator('.lang-switch summary').press('Enter');
      await page.locator('.lang-list a').first().waitFor();
      problems.push(...(await checkPage(page, lang, 'language menu open')));

      for (const municipality of MUNICIPALITIES) {
        await page.goto(`${server.url}/${lang}/${municipality}`);
        await settle(page, '#contact-heading');
        problems.push(...(await checkPage(page, lang, 'services')));

        await page.goto(`${server.url}/${lang}/${municipality}/saavutettavuus`);
        await settle(page, '.statement h2');
        const statementLang = await page.locator('.statement').getAttribute('lang');
        const expected = STATEMENTS.has(lang) ? null : 'en';
        if (statementLang !== expected) problems.push(`${lang} ${municipality} statement: lang="${statementLang}", expected ${expected ?? 'none (the page language)'}`);
        const email = (await services(municipality, lang)).municipality.contact.email;
        if ((await page.locator(`.statement a[href="mailto:${email}"]`).count()) !== 1) problems.push(`${lang} ${municipality} statement: no link to ${email}`);
        // The feedback form in the resident's own language, named in that language when the statement is not in it.
        const feedback = page.locator(`.statement a[href="/${lang}/${municipality}/feedback"]`);
        const ownName = LANGUAGES.find((l) => l.code === lang)!.name;
        if ((await feedback.count()) !== 1) problems.push(`${lang} ${municipality} statement: no link to the ${lang} feedback form`);
        else if (expected && !(await feedback.innerText()).includes(ownName)) problems.push(`${lang} ${municipality} statement: feedback link does not say ${ownName}`);
        // The statement is one template: its layout is checked once per language, its data for each municipality.
        if (municipality === MUNICIPALITIES[0]) problems.push(...(await checkPage(page, lang, 'statement')));
      }
      return problems;
    });
  });

  it('every form the API offers, at first and after Next with nothing filled', { timeout: 600_000 }, async () => {
    await forEveryLanguage(async (page, lang) => {
      const problems: string[] = [];
      // The forms are shared, but their texts name the municipality (walk-in hours, orientation groups).
      for (const formId of await formsOffered('orimattila', lang)) {
        await page.goto(`${server.url}/${lang}/orimattila/${formId}`);
        await settle(page, 'form .questions');
        problems.push(...(await checkPage(page, lang, 'initial')));
      }
      const forms = await formsOffered('heinola', lang);
      if (lang === 'fi' || lang === 'en') expect(forms.length, `forms offered in ${lang}`).toBeGreaterThan(0);
      for (const formId of forms) {
        await page.goto(`${server.url}/${lang}/heinola/${formId}`);
        await settle(page, 'form .questions');
        const listen = await page.locator('.listen-button').count();
        const hasVoice = VOICES.some((v) => v.toLowerCase().startsWith(`${lang}-`));
        if (hasVoice !== listen > 0) problems.push(`${lang} ${formId}: ${listen} Listen buttons with${hasVoice ? '' : 'out'} a voice`);
        problems.push(...(await checkPage(page, lang, 'initial')));

        await page.locator('form button[type="submit"]').click();
        await page.locator('.error-summary').waitFor();
        problems.push(...(await checkPage(page, lang, 'errors')));
      }
      return problems;
    });
  });

  // Nine steps of registration and four of the others, in ten languages: the longest walk of the matrix.
  it('every later step of every form', { timeout: 900_000 }, async () => {
    await forEveryLanguage(async (page, lang) => {
      const problems: string[] = [];
      await page.goto(`${server.url}/${lang}`); // the origin whose storage holds the drafts
      for (const formId of await formsOffered('heinola', lang)) {
        const form = (await (await fetch(`${server.url}/api/forms/${formId}?municipality=heinola&lang=${lang}`)).json()) as {
          version: number;
          uiSchema: { 'ui:steps': unknown[] };
        };
        for (let position = 1; position < form.uiSchema['ui:steps'].length; position++) {
          // A saved draft at that step, offered back on arrival: the way a resident returns to a later step.
          const draft = { formVersion: form.version, savedAt: Date.now(), answers: { fullName: 'Amina Example' }, position };
          await page.evaluate(
            ({ key, value }) => (localStorage.setItem(key, value), sessionStorage.clear()),
            { key: `koto:draft:heinola:${formId}`, value: JSON.stringify(draft) },
          );
          await page.goto(`${server.url}/${lang}/heinola/${formId}`);
          await settle(page, '.notice .actions .button');
          if (position === 1) problems.push(...(await checkPage(page, lang, 'draft found')));
          await page.locator('.notice .actions .button').first().click();
          await settle(page, 'form .questions');
          problems.push(...(await checkPage(page, lang, `step ${position + 1}`)));
        }
      }
      return problems;
    });
  });

  it('repeating groups: the hobby form with one child, two children, and after removing one', { timeout: 600_000 }, async () => {
    await forEveryLanguage(async (page, lang) => {
      if (!(await formsOffered('heinola', lang)).includes('hobby')) return [];
      await page.goto(`${server.url}/${lang}/heinola/hobby`);
      await settle(page, 'form .questions');
      await page.locator('#root_hobbyFor-1').check();
      await page.locator('.repeat-item').first().waitFor();
      const problems = await checkPage(page, lang, 'one child');
      await page.locator('.repeat__add').click();
      await page.locator('.repeat-item').nth(1).waitFor();
      problems.push(...(await checkPage(page, lang, 'two children')));
      // Next with the second child empty: its questions show their errors inside the item.
      await page.locator('form button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
      problems.push(...(await checkPage(page, lang, 'child errors')));
      await page.locator('.repeat-item__remove').last().click();
      await page.waitForFunction(() => document.querySelectorAll('.repeat-item').length === 1);
      problems.push(...(await checkPage(page, lang, 'child removed')));
      return problems;
    });
  });

  it('the review, an answer the server refuses, and the confirmation after sending the guidance form', { timeout: 600_000 }, async () => {
    await forEveryLanguage(async (page, lang) => {
      if (!(await formsOffered('heinola', lang)).includes('guidance')) return [];
      await page.goto(`${server.url}/${lang}/heinola/guidance`);
      await settle(page, 'form .questions');
      // Filled by the fields' ids, the same in every language; keyboard.test.ts fills it the way a person would.
      const next = () => page.locator('form button[type="submit"]').click();
      await page.locator('#root_topics-0').check();
      await next();
      await page.locator('#root_fullName').fill('Amina Example');
      await page.locator('#root_preferredLanguage').selectOption({ index: 1 });
      await next();
      await page.locator('#root_contactWay-3').check();
      await page.locator('#root_interpreterNeeded-1').check();
      await next();
      await page.locator('#root_consent').check();
      await next();
      await page.locator('.review-step').first().waitFor();
      const problems = await checkPage(page, lang, 'review');

      // The browser checks the same schema, so a changed request stands in for an answer only the server refuses.
      const submissions = `${server.url}/api/forms/guidance/submissions`;
      await page.route(submissions, async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { answers: Record<string, unknown> };
        await route.continue({ postData: JSON.stringify({ ...body, answers: { ...body.answers, fullName: 'A'.repeat(201) } }) });
      }, { times: 1 });
      await page.locator('.actions .button').first().click();
      await page.locator('.error-summary').waitFor();
      problems.push(...(await checkPage(page, lang, 'server errors')));
      await page.locator('#root_fullName').fill('Amina Example-Said');
      for (let step = 2; step <= 4; step++) await next();
      await page.locator('.review-step').first().waitFor();
      await page.locator('.actions .button').first().click();
      await settle(page, '.reference [data-reference]');
      expect(await page.locator('.reference [data-reference]').innerText()).toMatch(/^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      return [...problems, ...(await checkPage(page, lang, 'sent'))];
    });
  });
});
