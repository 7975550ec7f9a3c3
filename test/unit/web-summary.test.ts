import { describe, expect, it } from 'vitest';
import { displayValue, summarize } from '../../web/src/resident/summary.js';
import { guidanceForm } from './web-fixtures.js';

const form = guidanceForm();
const yesNo: [string, string] = ['Yes', 'No'];
const field = (id: string) => [form.schema.properties![id]!, form.uiSchema[id] as Record<string, unknown>] as const;

describe('an answer in words', () => {
  it('uses option labels for a choice', () => {
    expect(displayValue(...field('contactWay'), 'sms', yesNo)).toEqual(['Text message']);
  });

  it('lists each chosen option of a multiple choice', () => {
    expect(displayValue(...field('topics'), ['kela', 'other'], yesNo)).toEqual(['Kela benefits', 'Something else']);
  });

  it("uses a yes/no question's own labels", () => {
    expect(displayValue(...field('interpreterNeeded'), false, yesNo)).toEqual(['No']);
  });

  it('says Yes for a ticked box without option labels', () => {
    expect(displayValue(...field('consent'), true, ['Kyllä', 'Ei'])).toEqual(['Kyllä']);
  });

  it('keeps written and numeric answers as given, and is empty when unanswered', () => {
    expect(displayValue(...field('fullName'), 'Amina', yesNo)).toEqual(['Amina']);
    expect(displayValue(...field('birthYear'), 1985, yesNo)).toEqual(['1985']);
    expect(displayValue(...field('latinName'), undefined, yesNo)).toEqual([]);
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
