import { describe, expect, it } from 'vitest';
import { displayValue, summarize } from '../../web/src/resident/summary.js';
import { guidanceForm } from './web-fixtures.js';

const form = guidanceForm();
const yesNo: [string, string] = ['Yes', 'No'];
const field = (id: string) => [form.schema.properties![id]!, form.uiSchema[id] as Record<string, unknown>] as const;

describe('an answer in words', () => {
  it('uses option labels for a choice', () => {
    expect(displayValue(...field('contactWay'), 'sms', yesNo, 'en')).toEqual(['Text message']);
  });

  it('lists each chosen option of a multiple choice', () => {
    expect(displayValue(...field('topics'), ['kela', 'other'], yesNo, 'en')).toEqual(['Kela benefits', 'Something else']);
  });

  it("uses a yes/no question's own labels", () => {
    expect(displayValue(...field('interpreterNeeded'), false, yesNo, 'en')).toEqual(['No']);
  });

  it('says Yes for a ticked box without option labels', () => {
    expect(displayValue(...field('consent'), true, ['Kyllä', 'Ei'], 'en')).toEqual(['Kyllä']);
  });

  it('keeps written answers as given, and is empty when unanswered', () => {
    expect(displayValue(...field('fullName'), 'Amina', yesNo, 'en')).toEqual(['Amina']);
    expect(displayValue(...field('phone'), '+358 40 123 4567', yesNo, 'fa')).toEqual(['+358 40 123 4567']);
    expect(displayValue(...field('latinName'), undefined, yesNo, 'en')).toEqual([]);
  });

  it("writes a year in the language's digits, never with a thousands separator", () => {
    expect(displayValue(...field('birthYear'), 1985, yesNo, 'en')).toEqual(['1985']);
    expect(displayValue(...field('birthYear'), 1985, yesNo, 'fi')).toEqual(['1985']);
    expect(displayValue(...field('birthYear'), 1985, yesNo, 'fa')).toEqual(['۱۹۸۵']);
    expect(displayValue(...field('birthYear'), 1985, yesNo, 'ar')).toEqual(['1985']);
  });

  it('writes a date the way the language does, on the day picked whatever the time zone', () => {
    const birthDate = [{ type: 'string', format: 'date', maxLength: 10 }, undefined] as const;
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'en')).toEqual(['March 12, 1985']);
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'fi')).toEqual(['12. maaliskuuta 1985']);
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'uk')).toEqual(['12 березня 1985 р.']);
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'ar')).toEqual(['12 مارس 1985']);
    // The Gregorian year the resident gave, in their digits, not the solar or Buddhist year of their calendar.
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'fa')).toEqual(['۱۲ مارس ۱۹۸۵']);
    expect(displayValue(...birthDate, '1985-03-12', yesNo, 'th')).toEqual(['12 มีนาคม ค.ศ. 1985']);
    // Not a date after all (the browser's check let it through): shown as typed.
    expect(displayValue(...birthDate, '12.3.1985', yesNo, 'fi')).toEqual(['12.3.1985']);
  });
});

describe('the review of all answers', () => {
  it('lists every visible question by step, with its label', () => {
    const summary = summarize(form, { topics: ['work'], contactWay: 'email', email: 'a@example.com' }, yesNo);
    expect(summary.map((s) => s.step.id)).toEqual(['topic', 'you', 'contact', 'consent']);
    expect(summary[0]!.lines.map((l) => l.label)).toEqual(['Topics', 'Message (optional)']);
    expect(summary[2]!.lines.find((l) => l.field === 'email')).toEqual({ field: 'email', label: 'Email address', values: ['a@example.com'] });
    expect(summary[2]!.lines.some((l) => l.field === 'phone')).toBe(false);
  });
});
