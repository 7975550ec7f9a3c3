// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClearAnswers } from '../../web/src/resident/ClearAnswers.js';
import { byText, englishTexts, mount, user, withTexts } from './web-render.js';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ClearAnswers, rendered by Preact', () => {
  it('asks once, moving focus to the question, and clears only on yes', async () => {
    const texts = await englishTexts();
    const onClear = vi.fn();
    const { container } = await mount(withTexts(texts, <ClearAnswers onClear={onClear} />));
    expect(container.textContent).toContain(texts.t('form.draftSaved'));

    await user(() => byText(container, 'button', texts.t('form.clear')).click());
    const question = byText(container, 'p', texts.t('form.clearConfirm'));
    expect(document.activeElement).toBe(question);
    expect(onClear).not.toHaveBeenCalled();

    await user(() => byText(container, 'button', texts.t('form.clearCancel')).click());
    expect(onClear).not.toHaveBeenCalled();
    expect(container.textContent).not.toContain(texts.t('form.clearConfirm'));

    await user(() => byText(container, 'button', texts.t('form.clear')).click());
    await user(() => byText(container, 'button', texts.t('form.clearYes')).click());
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(container.textContent).not.toContain(texts.t('form.clearConfirm'));
    byText(container, 'button', texts.t('form.clear'));
  });
});
