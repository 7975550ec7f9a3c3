import { describe, expect, it } from 'vitest';
import { pluralProblems, translate } from '../../schemas/src/index.js';

const ar = {
  n_zero: 'لا شيء',
  n_one: 'واحد',
  n_two: 'اثنان',
  n_few: '{{count}} قليل',
  n_many: '{{count}} كثير',
  n_other: '{{count}} آخر',
};

describe('translate', () => {
  it('picks each of the six Arabic plural forms through Intl.PluralRules', () => {
    const pick = (count: number) => translate({ n: undefined, ...ar }, 'n', 'ar', { count });
    expect([0, 1, 2, 3, 11, 100].map(pick)).toEqual([
      'لا شيء',
      'واحد',
      'اثنان',
      `${new Intl.NumberFormat('ar').format(3)} قليل`,
      `${new Intl.NumberFormat('ar').format(11)} كثير`,
      `${new Intl.NumberFormat('ar').format(100)} آخر`,
    ]);
  });

  it('picks Russian one, few and many, and reads nested keys with placeholders', () => {
    const ru = { form: { x_one: '{{count}} ответ', x_few: '{{count}} ответа', x_many: '{{count}} ответов', x_other: '{{count}} ответа' }, hi: 'Привет, {{name}}' };
    expect([1, 3, 5, 21].map((count) => translate(ru, 'form.x', 'ru', { count }))).toEqual(['1 ответ', '3 ответа', '5 ответов', '21 ответ']);
    expect(translate(ru, 'hi', 'ru', { name: 'Olena' })).toBe('Привет, Olena');
    expect(translate(ru, 'missing', 'ru')).toBeUndefined();
  });

  it("writes every number in the language's own digits, not only the count", () => {
    const step = { step: 'مرحله {{current}} از {{total}}', hi: '{{name}} {{n}}' };
    expect(translate(step, 'step', 'fa', { current: 2, total: 4 })).toBe('مرحله ۲ از ۴');
    expect(translate({ step: 'Step {{current}} of {{total}}' }, 'step', 'en', { current: 2, total: 4 })).toBe('Step 2 of 4');
    // Whatever digits Intl uses for a language, with no thousands separator (as validation messages write limits).
    expect(translate({ n: '{{count}} / {{total}}' }, 'n', 'fa', { count: 12, total: 2026 })).toBe('۱۲ / ۲۰۲۶');
    expect(translate({ n: '{{count}} / {{total}}' }, 'n', 'fi', { count: 1, total: 2026 })).toBe('1 / 2026');
    // Strings are left as they are, digits and all: a name or a reference is not a number.
    expect(translate(step, 'hi', 'fa', { name: 'HEI-7KQ4', n: '12' })).toBe('HEI-7KQ4 12');
  });

  it('reports plural keys without exactly the forms a language needs', () => {
    expect(pluralProblems('ar', ar)).toEqual([]);
    expect(pluralProblems('ru', { x_one: 'a', x_other: 'b' })).toEqual(['ru: x has plural forms one, other; ru needs few, many, one, other']);
    expect(pluralProblems('th', { x_other: 'a' })).toEqual([]);
  });
});
