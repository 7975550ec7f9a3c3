import { describe, expect, it } from 'vitest';
import { answerLine, showAnswer, showFormAnswer } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { summarize } from '../../web/src/resident/summary.js';
import { catalog, guidanceForm } from './web-fixtures.js';

const form = guidanceForm();
const yesNo: [string, string] = ['Yes', 'No'];
const shown = (field: string, value: unknown, lang = 'en') =>
  showAnswer(form.schema.properties![field]!, form.uiSchema[field] as Record<string, unknown>, value, yesNo, lang);
const values = (...args: Parameters<typeof shown>) => {
  const answer = shown(...args);
  return answer.kind === 'values' ? answer.values : answer;
};
const hobby = (lang: 'fi' | 'en') =>
  localize(
    catalog.forms.find((f) => f.id === 'hobby')!,
    lang,
    { municipality: 'Orimattila' },
  );

describe('an answer in words, the one way every reader sees it', () => {
  it('uses option labels for a choice, and lists each chosen option of a multiple choice', () => {
    expect(values('contactWay', 'sms')).toEqual(['Text message']);
    expect(values('topics', ['kela', 'other'])).toEqual(['Kela benefits', 'Something else']);
  });

  it("uses a yes/no question's own labels, and the interface's Yes for a ticked box", () => {
    expect(values('interpreterNeeded', false)).toEqual(['No']);
    expect(showAnswer({ type: 'boolean', const: true }, undefined, true, ['Kyllä', 'Ei'], 'fi')).toEqual({
      kind: 'values',
      values: ['Kyllä'],
    });
  });

  it('keeps written answers as given, and is empty when unanswered', () => {
    expect(values('fullName', 'Amina')).toEqual(['Amina']);
    expect(values('phone', '+358 40 123 4567', 'fa')).toEqual(['+358 40 123 4567']);
    expect(values('latinName', undefined)).toEqual([]);
  });

  it("writes a year in the language's digits, never with a thousands separator", () => {
    expect(values('birthYear', 1985, 'fi')).toEqual(['1985']);
    expect(values('birthYear', 1985, 'fa')).toEqual(['۱۹۸۵']);
    expect(values('birthYear', 1985, 'ar')).toEqual(['1985']);
  });

  it('writes a date the way the language does, on the day given whatever the time zone, for staff too', () => {
    const date = (format: string, lang: string, value = '1985-03-12') =>
      showAnswer({ type: 'string', format, maxLength: 10 }, undefined, value, yesNo, lang);
    expect(date('date', 'en')).toEqual({ kind: 'values', values: ['March 12, 1985'] });
    expect(date('birth-date', 'fi')).toEqual({ kind: 'values', values: ['12. maaliskuuta 1985'] });
    expect(date('date', 'uk')).toEqual({ kind: 'values', values: ['12 березня 1985 р.'] });
    // The Gregorian year the resident gave, in their digits, not the solar or Buddhist year of their calendar.
    expect(date('birth-date', 'fa')).toEqual({ kind: 'values', values: ['۱۲ مارس ۱۹۸۵'] });
    expect(date('birth-date', 'th')).toEqual({ kind: 'values', values: ['12 มีนาคม ค.ศ. 1985'] });
    expect(date('date', 'fi', '12.3.1985')).toEqual({ kind: 'values', values: ['12.3.1985'] });
  });

  it('shows each child of a repeating group numbered, with their own answers, never [object Object]', () => {
    const children = [
      { childFirstName: 'Олена', childLatinName: 'Olena', childAge: 7, childInterests: ['music', 'sports'] },
      { childFirstName: 'Марко', childAge: 12, childInterests: ['games'] },
    ];
    const fi = showFormAnswer(hobby('fi'), 'children', children, ['Kyllä', 'Ei']);
    expect(fi.kind).toBe('items');
    const line = answerLine(fi);
    expect(line).toBe(
      'Lapsi 1: Lapsen etunimi: Олена, Etunimi latinalaisin kirjaimin (vapaaehtoinen): Olena, Lapsen ikä: 7, Mikä lasta kiinnostaa?: Musiikki, Urheilu ja liikunta; ' +
        'Lapsi 2: Lapsen etunimi: Марко, Lapsen ikä: 12, Mikä lasta kiinnostaa?: Pelit',
    );
    expect(line).not.toContain('[object');
    expect(answerLine(showFormAnswer(hobby('en'), 'children', children, yesNo))).toMatch(
      /^Child 1: .*; Child 2: Child's first name: Марко/,
    );
  });
});

describe('the review of all answers', () => {
  it('lists every visible question by step, with its label', () => {
    const summary = summarize(form, { topics: ['work'], contactWay: 'email', email: 'a@example.com' }, yesNo);
    expect(summary.map((s) => s.step.id)).toEqual(['topic', 'you', 'contact', 'consent']);
    expect(summary[0]!.lines.map((l) => l.label)).toEqual(['Topics', 'Message (optional)']);
    expect(summary[2]!.lines.find((l) => l.field === 'email')).toEqual({
      field: 'email',
      label: 'Email address',
      answer: { kind: 'values', values: ['a@example.com'] },
    });
    expect(summary[2]!.lines.some((l) => l.field === 'phone')).toBe(false);
  });
});
