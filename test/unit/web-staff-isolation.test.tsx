// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AnswerList } from '../../web/src/staff/AnswerList.js';
import type { AnswerView } from '../../web/src/staff/staff-api.js';
import { mount } from './web-render.js';

const answer = (display: string, lang: string): AnswerView => ({
  field: 'fullName',
  label: 'Nimi',
  residentLabel: 'الاسم',
  value: display,
  shown: { kind: 'text', text: display } as unknown as AnswerView['shown'],
  display,
  residentDisplay: display,
  freeText: true,
  lang,
});

describe('names shown to staff', () => {
  it('are isolated, their direction from their own letters, so they cannot reorder what stands around them', async () => {
    const view = await mount(<AnswerList answers={[answer('Olena Kovalenko', 'ar')]} lang="ar" />);
    const text = view.container.querySelector('.staff-freetext')!;
    expect(text.getAttribute('dir')).toBe('auto');
    expect(text.getAttribute('lang')).toBe('ar');
    expect(text.querySelector('bdi')?.textContent).toBe('Olena Kovalenko');
    await view.unmount();
  });
});
