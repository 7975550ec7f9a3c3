import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { act } from 'preact/test-utils';
import { loadTexts, type LoadedTexts } from '../../web/src/i18n.js';
import { TextsContext } from '../../web/src/texts-context.js';

/**
 * Renders into the test's DOM (happy-dom) as the web app does: React's API, which the aliases in vitest.config.ts
 * resolve to Preact, what ships. Every change goes through `act`, which runs Preact's pending renders and effects.
 */
export async function mount(node: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(() => root.render(node));
  return {
    container,
    rerender: (next: ReactNode) => act(() => root.render(next)),
    unmount: () => act(() => root.unmount()).then(() => container.remove()),
  };
}

/** Runs a user action (a click, typing) and waits for Preact to render what follows from it. */
export const user = (action: () => void) => act(action);

/** Types `text` into an input as a keyboard does: the value changes, then an `input` event. */
export function type(input: HTMLInputElement, text: string): Promise<void> {
  return act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The element with exactly this text (buttons, links, headings), failing loudly when there is none. */
export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string): T {
  const found = [...root.querySelectorAll<T>(selector)].find((el) => el.textContent?.trim() === text);
  if (!found)
    throw new Error(
      `no ${selector} reading "${text}" in: ${[...root.querySelectorAll(selector)].map((el) => el.textContent?.trim()).join(' | ')}`,
    );
  return found;
}

/** English interface texts, as a resident's page loads them. */
export const englishTexts = (): Promise<LoadedTexts> => loadTexts('en');

/** `node` inside the texts context that every resident page has. */
export const withTexts = (texts: LoadedTexts, node: ReactNode) => <TextsContext.Provider value={texts}>{node}</TextsContext.Provider>;
