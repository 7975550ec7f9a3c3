import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { WCAG_TAGS as WCAG, axeRun } from '../support/axe.js';
import { startBrowserRig, type BrowserRig } from '../support/browser.js';
import { LANGUAGES, dirOf, type Lang } from '../../schemas/src/languages.js';

/*
 * The accessibility matrix: every page and form in every language, each state checked with axe (WCAG 2.2 A/AA),
 * <html lang dir>, 44 px targets, and overflow at 320 px and at 320 px with 200 % text (docs/quality.md).
 *
 * It is split into files by area (`accessibility-*.test.ts`) so that vitest's two workers share it, and into one
 * test per language and area (6 to 21 page states). Each file starts its own server and Chromium; its tests run
 * `maxConcurrency` (vitest.config.ts: 3) at a time, each in its own browser context, where the app's scripts load
 * cold once and then warm: a context for each form or few steps, 150 in all, loaded everything cold 150 times. A
 * test's time limit only catches a hang: it is many times what the test needs on a loaded machine.
 * Needs `npm run build` first (dist/web).
 */

const PHONE = { width: 360, height: 740 };
const NARROW = { width: 320, height: 740 };
const MIN_TARGET = 44;
/** What one test may take before it counts as hung: minutes, for well under a minute of work. */
export const MATRIX_TEST_TIMEOUT = 300_000;
/** A Playwright wait (an element, a navigation) that takes longer than this has hung rather than slowed. */
const ACTION_TIMEOUT = 120_000;
export const MUNICIPALITIES = ['heinola', 'orimattila'] as const;
export type Municipality = (typeof MUNICIPALITIES)[number];
/** Every offered language that has interface texts (translators add more; each is tested as soon as it lands). */
export const LANGS: Lang[] = LANGUAGES.map((l) => l.code).filter((code) => existsSync(`schemas/texts/${code}.json`));
/** Every form on disk; each test checks it where the API offers it, as the matrix always did. */
export const FORMS: string[] = readdirSync('schemas/forms')
  .filter((id) => existsSync(`schemas/forms/${id}/form.json`))
  .sort();
/** Languages with their own accessibility statement; the others show the English one. */
export const STATEMENTS = new Set(['fi', 'sv', 'en']);
/**
 * Voices the test device pretends to have. None for Swedish, and Filipino (`fil-PH`) is not Tagalog (`tl`): those
 * forms must show no Listen button, while the others show one on each question (so axe checks it too).
 */
export const VOICES = ['fi-FI', 'en-GB', 'ru-RU', 'uk-UA', 'et-EE', 'ar-SA', 'fa-IR', 'th-TH', 'fil-PH'];

/**
 * The town a language's form pages are checked in. A form's markup is the same in both towns; its texts name the
 * town (walk-in hours, orientation groups). Checking every form in both towns in every language repeated the same
 * markup (50 of 530 page states), so the languages alternate: each town in half of them, every language in one.
 */
export function townFor(lang: Lang): Municipality {
  return MUNICIPALITIES[LANGS.indexOf(lang) % MUNICIPALITIES.length]!;
}

/** Half of the languages (every other one), for areas split into two files. */
export function languageHalf(half: 0 | 1): Lang[] {
  return LANGS.filter((_, i) => i % 2 === half);
}

/** The steps of a form as written in `schemas/forms/<id>/form.json`; a test compares them with what the API serves. */
export function stepsOnDisk(formId: string): number {
  const form = JSON.parse(readFileSync(`schemas/forms/${formId}/form.json`, 'utf8')) as { uiSchema: { 'ui:steps': unknown[] } };
  return form.uiSchema['ui:steps'].length;
}

/** One line per page state checked: language, path, state and the problems found. */
interface Checked {
  lang: Lang;
  path: string;
  state: string;
  problems: string[];
}

/** What a matrix test works with: its page in its language, and the checks. */
export interface Visit {
  page: Page;
  lang: Lang;
  server: LocalServer;
  expect: ExpectStatic;
  /** Runs every check on the page as it is now, recording the problems under `state`. */
  check(state: string): Promise<void>;
  /** Records a problem found another way (a wrong link, a missing button). */
  problem(line: string): void;
}

/** Waits until the page shows its content: a heading, nothing loading, and the footer's links. */
export async function settle(page: Page, ready?: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  if (ready) await page.locator(ready).first().waitFor();
  await page.locator('.site-footer a').first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

/** `GET /api/forms`: the forms offered in `lang` and the municipality's contact details. */
export async function services(
  server: LocalServer,
  municipality: string,
  lang: Lang,
): Promise<{ forms: { id: string }[]; municipality: { contact: { email: string } } }> {
  return (await fetch(`${server.url}/api/forms?municipality=${municipality}&lang=${lang}`)).json() as never;
}

export async function formsOffered(server: LocalServer, municipality: string, lang: Lang): Promise<string[]> {
  return (await services(server, municipality, lang)).forms.map((f) => f.id);
}

/** A phone in `lang` (the browser's language decides the start page) with speech voices for most languages. */
async function phoneIn(browser: Browser, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: lang });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  await context.addInitScript((tags: string[]) => {
    const voices = tags.map((tag) => ({ lang: tag, name: tag, voiceURI: tag, default: false, localService: true }));
    Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => voices });
  }, VOICES);
  return { context, page: await context.newPage() };
}

/**
 * The languages whose page states axe also checks for colour contrast: one of each direction. Contrast is a property
 * of the stylesheet's colour pairs, the same in every language, and it is most of an axe run's time (in the page:
 * 60 to 170 ms with it, 25 to 35 ms without, on a form step). Every other rule, the ones a translation can break
 * (names, labels, lang), runs in every language.
 */
const CONTRAST_LANGS: ReadonlySet<Lang> = new Set<Lang>(['fi', 'ar']);

async function axeProblems(page: Page, lang: Lang): Promise<string[]> {
  const violations = await axeRun(page, { contrast: CONTRAST_LANGS.has(lang) });
  return violations.flatMap((v) => v.targets.map((target) => `axe ${v.id} (${v.impact ?? '?'}): ${target}`));
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
      if (box.right > width + 1 || box.left < -1)
        problems.push(`outside the screen (${Math.round(box.left)}–${Math.round(box.right)} px): ${describe(el)}`);
      if (el.matches('input, select, textarea') || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`content wider than its box (${el.scrollWidth} > ${el.clientWidth} px): ${describe(el)}`);
      const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
      if (clips && el.scrollHeight > el.clientHeight + 1)
        problems.push(`content clipped (${el.scrollHeight} > ${el.clientHeight} px): ${describe(el)}`);
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

/** Every check of one page state; returns the problems found. */
export async function checkPage(page: Page, lang: Lang): Promise<string[]> {
  const problems: string[] = [];
  const [htmlLang, htmlDir] = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  if (htmlLang !== lang || htmlDir !== dirOf(lang))
    problems.push(`<html lang="${htmlLang}" dir="${htmlDir}">, expected lang="${lang}" dir="${dirOf(lang)}"`);
  problems.push(...(await axeProblems(page, lang)), ...(await smallTargets(page)));
  await page.setViewportSize(NARROW);
  problems.push(...(await overflow(page)).map((p) => `320 px: ${p}`));
  problems.push(...(await withDoubleText(page, () => overflow(page))).map((p) => `320 px, 200 % text: ${p}`));
  await page.setViewportSize(PHONE);
  return problems;
}

type MatrixTest = (name: string, lang: Lang, visit: (visit: Visit) => Promise<void>) => void;

/**
 * One file of the matrix: one server and Chromium for the file, and `define` registers its tests with
 * `test(name, lang, visit)`. Each test gets a fresh phone in its language and fails at its end, listing every
 * problem it found; after the file, a table counts what was checked per language.
 */
export function accessibilityMatrix(area: string, define: (test: MatrixTest) => void): void {
  let rig: BrowserRig | undefined;
  const checked: Checked[] = [];

  beforeAll(async () => {
    rig = await startBrowserRig();
  });

  afterAll(async () => {
    printSummary(area, checked);
    await rig?.close();
  });

  describe.concurrent(`accessibility on a phone: ${area}`, () => {
    define((name, lang, visit) => {
      it(`${lang}: ${name}`, { timeout: MATRIX_TEST_TIMEOUT }, async ({ expect }) => {
        const { server, browser } = rig!;
        const { context, page } = await phoneIn(browser, lang);
        const problems: string[] = [];
        try {
          await visit({
            page,
            lang,
            server,
            expect,
            problem: (line) => problems.push(line),
            check: async (state) => {
              const path = new URL(page.url()).pathname;
              const found = await checkPage(page, lang);
              checked.push({ lang, path, state, problems: found });
              problems.push(...found.map((p) => `${lang} ${path} [${state}] ${p}`));
            },
          });
        } finally {
          await context.close();
        }
        if (problems.length > 0) throw new Error(`${problems.length} accessibility problem(s):\n${problems.join('\n')}`);
      });
    });
  });
}

function printSummary(area: string, checked: Checked[]): void {
  if (checked.length === 0) return;
  const count = (list: Checked[], test: (p: string) => boolean) => list.reduce((n, c) => n + c.problems.filter(test).length, 0);
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
      `Accessibility matrix, ${area}, at 360×740: axe (${WCAG.join(', ')}; colour contrast in ${[...CONTRAST_LANGS].join(' and ')}), <html lang dir>, 44×44 px targets;`,
      'at 320 px, and at 320 px with 200 % text: no horizontal scroll, nothing off screen, clipped or spilling out.',
      '| lang | pages | states | axe violations | other problems |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      `States: ${states.join(', ')}.`,
      `pages × languages × states: ${checked.length} checked (${pages} pages, ${rows.length} languages), ${violations} violations`,
    ].join('\n'),
  );
}
