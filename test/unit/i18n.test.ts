import { describe, expect, it } from 'vitest';
import { TextStore, fill, placeholders, pluralProblems, type Texts, type Vars } from '../../schemas/src/index.js';

/** One language's texts in a fresh store, looked up through i18next as the web app and the server do. */
function translate(texts: Texts, key: string, lang: string, vars: Vars = {}): string | undefined {
  const store = new TextStore();
  store.add(lang, 'translation', texts);
  return store.translator(lang, 'translation').t(key, vars);
}

const ar = {
  n_zero: 'لا شيء',
  n_one: 'واحد',
  n_two: 'اثنان',
  n_few: '{{count}} قليل',
  n_many: '{{count}} كثير',
  n_other: '{{count}} آخر',
};

describe('texts through i18next', () => {
  it('picks each of the six Arabic plural forms through Intl.PluralRules', () => {
    const pick = (count: number) => translate(ar, 'n', 'ar', { count });
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
    const ru = {
      form: { x_one: '{{count}} ответ', x_few: '{{count}} ответа', x_many: '{{count}} ответов', x_other: '{{count}} ответа' },
      hi: 'Привет, {{name}}',
    };
    expect([1, 3, 5, 21].map((count) => translate(ru, 'form.x', 'ru', { count }))).toEqual([
      '1 ответ',
      '3 ответа',
      '5 ответов',
      '21 ответ',
    ]);
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

  it('falls back to English for a key a language lacks, and says which language answered', () => {
    const store = new TextStore();
    store.add('uk', 'translation', { hi: 'Привіт' });
    const uk = store.translator('uk', 'translation');
    expect(uk.t('bye')).toBeUndefined();
    store.add('en', 'translation', { hi: 'Hello', bye: 'Goodbye', n_one: '{{count}} child', n_other: '{{count}} children' });
    expect([uk.t('hi'), uk.t('bye'), uk.t('n', { count: 2 })]).toEqual(['Привіт', 'Goodbye', '2 children']);
    expect([uk.own('hi'), uk.own('bye'), uk.own('n')]).toEqual([true, false, false]);
    expect(store.translator('uk', 'translation').tree('missing')).toBeUndefined();
  });

  it('keeps each store apart: texts added to one are not seen by another', () => {
    const a = new TextStore();
    const b = new TextStore();
    a.add('fi', 'translation', { x: 'A' });
    b.add('fi', 'translation', { x: 'B' });
    expect([a.translator('fi', 'translation').t('x'), b.translator('fi', 'translation').t('x')]).toEqual(['A', 'B']);
  });

  it('fills a text already picked out of a definition, and leaves text as text (no HTML escaping)', () => {
    expect(fill('Дитина {{number}}', { number: 2 }, 'uk')).toBe('Дитина 2');
    expect(fill('فرزند {{number}}', { number: 2 }, 'fa')).toBe('فرزند ۲');
    expect(fill('{{name}} & {{other}}', { name: '<Anna>' }, 'fi')).toBe('<Anna> & {{other}}');
    expect(placeholders('{{count, number}} / {{ total }} {{label}}')).toEqual(['count', 'label', 'total']);
  });

  it('reports plural keys without exactly the forms a language needs', () => {
    expect(pluralProblems('ar', ar)).toEqual([]);
    expect(pluralProblems('ru', { x_one: 'a', x_other: 'b' })).toEqual([
      'ru: x has plural forms one, other; ru needs few, many, one, other',
    ]);
    expect(pluralProblems('th', { x_other: 'a' })).toEqual([]);
  });
});
