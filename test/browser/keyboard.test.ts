import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { usePhonePage } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const REFERENCE = /^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

let server: LocalServer;
let page: Page;

usePhonePage(
  (rig) => ({ server, page } = rig),
  async (context) => {
    // A device with an English voice, so the Listen buttons are in the tab order; what they say is recorded.
    await context.addInitScript(() => {
      const voices = [{ lang: 'en-GB', name: 'English', voiceURI: 'en-GB', default: true, localService: true }];
      const spoken: { text: string; lang: string }[] = [];
      Object.assign(window, { spoken });
      Object.assign(window, {
        SpeechSynthesisUtterance: class {
          lang = '';
          voice: unknown = null;
          constructor(readonly text: string) {}
        },
      });
      Object.defineProperty(speechSynthesis, 'getVoices', { value: () => voices });
      Object.defineProperty(speechSynthesis, 'cancel', { value: () => undefined });
      Object.defineProperty(speechSynthesis, 'speak', {
        value: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
      });
    });
  },
);

interface Focused {
  tag: string;
  id: string;
  name: string;
  checked: boolean;
}

/** The focused element: tag, id, accessible-ish name (aria-label, its label, or its text) and checked state. */
function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return { tag: '', id: '', name: '', checked: false };
    const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.innerText ?? (el as HTMLElement).innerText ?? '';
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.trim().replace(/\s+/g, ' '), checked: el.checked === true };
  });
}

/** Presses Tab (or Shift+Tab) until `wanted` has focus; fails, listing where focus went, if it takes over `max` presses. */
async function tabTo(wanted: (f: Focused) => boolean, what: string, { back = false, max = 12 } = {}): Promise<Focused> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused();
    if (wanted(now)) return now;
    visited.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.name}"`);
  }
  throw new Error(`${what} not reached with ${max} × ${back ? 'Shift+Tab' : 'Tab'}; focus went to:\n${visited.join('\n')}`);
}

const named = (name: string) => (f: Focused) => f.name === name;
const withId = (id: string) => (f: Focused) => f.id === id;

/** The focused element shows a focus indicator: an outline of 2px or more, or the yellow focus ring. */
async function expectVisibleFocus(): Promise<void> {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  const ring = (style.outline !== 'none' && style.width >= 2) || style.shadow.includes('rgb(255, 221, 0)');
  expect(ring, `focus indicator: ${JSON.stringify(style)}`).toBe(true);
}

async function stepShown(step: number): Promise<void> {
  await page.getByText(`Step ${step} of 4`).waitFor();
}

describe('a resident with a keyboard only', () => {
  it('fills in the guidance form, checks the answers, sends it and gets a reference', async () => {
    await page.goto(`${server.url}/en/heinola/guidance`);
    await page.getByRole('heading', { level: 2, name: 'What do you need help with?' }).waitFor();

    // The skip link comes first and takes focus to the content.
    expect(await tabTo(named('Skip to content'), 'the skip link', { max: 1 })).toBeTruthy();
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');

    // Step 1: Listen reads the question aloud; Space ticks check boxes; a revealed question is next in order.
    await tabTo(named('Listen: Topics'), 'Listen for Topics', { max: 1 });
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).toEqual([
      { text: 'Topics. Choose one or more.', lang: 'en' },
    ]);
    await tabTo(named('Housing'), 'Housing', { max: 1 });
    await expectVisibleFocus();
    await page.keyboard.press('Space');
    await tabTo(named('Something else'), 'Something else');
    await page.keyboard.press('Space');
    expect((await focused()).checked).toBe(true);
    await tabTo(withId('root_topicOther'), 'What other topic?', { max: 2 });
    await page.keyboard.type('Opening a bank account');
    await tabTo(withId('root_message'), 'Message', { max: 2 });
    await tabTo(withId('root_topicOther'), 'back to What other topic?', { back: true, max: 2 });
    await tabTo(named('Next'), 'Next');
    await expectVisibleFocus();
    await page.keyboard.press('Enter');

    // Step 2: focus moves to the step's heading; a select is chosen by typing.
    await stepShown(2);
    expect(await focused()).toMatchObject({ tag: 'h2', name: 'About you' });
    await tabTo(withId('root_fullName'), 'Full name', { max: 2 });
    await page.keyboard.type('Amina Example');
    await tabTo(withId('root_preferredLanguage'), 'Language you want to use with us');
    await page.keyboard.type('Arabic');
    expect(await page.locator('#root_preferredLanguage option:checked').innerText()).toBe('Arabic');
    await tabTo(named('Next'), 'Next');
    await page.keyboard.press('Space');

    // Step 3: Space picks a radio button, arrow keys move within the group and pick as they go.
    await stepShown(3);
    await tabTo(named('Phone call'), 'Phone call', { max: 3 });
    await expectVisibleFocus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ name: 'Text message', checked: true });
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatchObject({ name: 'Phone call', checked: true });
    await tabTo(withId('root_phone'), 'Phone number', { max: 2 });
    await page.keyboard.type('+358 40 123 4567');
    await tabTo(withId('root_interpreterNeeded-0'), 'Do you need an interpreter? Yes');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ name: 'No', checked: true });
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatchObject({ name: 'Yes', checked: true });
    await tabTo(withId('root_interpreterLanguage'), "Interpreter's language", { max: 2 });
    await page.keyboard.type('Arabic');
    await tabTo(named('Next'), 'Next');
    await page.keyboard.press('Enter');

    await stepShown(4);
    await tabTo(withId('root_consent'), 'consent', { max: 3 });
    await page.keyboard.press('Space');
    await tabTo(named('Next'), 'Next');
    await page.keyboard.press('Enter');

    // Review, then Send.
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    expect(await focused()).toMatchObject({ tag: 'h2', name: 'Check your answers' });
    const review = await page.locator('main').innerText();
    for (const shown of [
      'Housing',
      'Something else',
      'Opening a bank account',
      'Amina Example',
      'Arabic',
      'Phone call',
      '+358 40 123 4567',
      'Yes',
    ]) {
      expect(review).toContain(shown);
    }
    await tabTo(named('Send'), 'Send', { max: 8 });
    await expectVisibleFocus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Thank you! Your form was sent.' }).waitFor();
    expect((await page.locator('.reference [data-reference]').innerText()).trim()).toMatch(REFERENCE);
    expect(await focused()).toMatchObject({ tag: 'h1' });
  });

  it('after a failed Next, the error summary has focus and its links lead to the questions', async () => {
    await page.goto(`${server.url}/en/heinola/guidance`);
    await page.getByRole('heading', { level: 2, name: 'What do you need help with?' }).waitFor();
    await tabTo(named('Next'), 'Next', { max: 20 });
    await page.keyboard.press('Enter');

    await page.locator('.error-summary').waitFor();
    // Focus moves after the summary renders: wait for it rather than read it at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectVisibleFocus();
    await tabTo(named('Topics: please answer this question.'), 'the first error', { max: 1 });
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'root_topics-0', name: 'Housing' });
    await expectVisibleFocus();
  });
});
