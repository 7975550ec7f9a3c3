// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary, type SummaryItem } from '../../web/src/resident/ErrorSummary.js';
import { byText, englishTexts, mount, user, withTexts } from './web-render.js';

afterEach(() => {
  document.body.innerHTML = '';
});

const items: SummaryItem[] = [
  { field: 'fullName', message: 'Write your name.' },
  { field: 'children/1/childAge', message: 'Child 2: write the age.' },
  { field: '', message: 'Something about the whole form.' },
];

/** The step's questions as rjsf renders them: a text input and a group whose input is inside its element. */
function questions(): HTMLElement {
  const form = document.createElement('div');
  form.innerHTML = `
    <div class="form-group"><input id="root_fullName"></div>
    <div class="form-group"><div id="root_children_1_childAge"><input id="age"></div></div>`;
  document.body.append(form);
  return form;
}

describe('ErrorSummary, rendered by Preact', () => {
  it('shows nothing without problems', async () => {
    const texts = await englishTexts();
    const { container } = await mount(withTexts(texts, <ErrorSummary items={[]} focusKey={1} />));
    expect(container.innerHTML).toBe('');
  });

  it('takes focus on each new failure and links each message to its question', async () => {
    const texts = await englishTexts();
    const form = questions();
    const { container } = await mount(withTexts(texts, <ErrorSummary items={items} focusKey={1} />));
    const summary = container.querySelector<HTMLElement>('.error-summary')!;
    expect(document.activeElement).toBe(summary);
    expect(summary.querySelector('h2')!.textContent).toBe(texts.t('form.errorCount', { count: 3 }));
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#root_fullName', '#root_children_1_childAge']);
    expect(summary.querySelectorAll('li')[2]!.textContent).toBe('Something about the whole form.');

    await user(() => byText(summary, 'a', 'Child 2: write the age.').click());
    expect(document.activeElement).toBe(form.querySelector('#age'));
    await user(() => byText(summary, 'a', 'Write your name.').click());
    expect(document.activeElement).toBe(form.querySelector('#root_fullName'));
  });

  it('leaves focus where it is while the list changes under the same failure, and takes it on the next', async () => {
    const texts = await englishTexts();
    const form = questions();
    const name = form.querySelector<HTMLInputElement>('#root_fullName')!;
    const { container, rerender } = await mount(withTexts(texts, <ErrorSummary items={items} focusKey={1} />));
    name.focus();
    await rerender(withTexts(texts, <ErrorSummary items={items.slice(1)} focusKey={1} />));
    expect(document.activeElement).toBe(name);
    await rerender(withTexts(texts, <ErrorSummary items={items.slice(1)} focusKey={2} />));
    expect(document.activeElement).toBe(container.querySelector('.error-summary'));
  });
});
