import { describe, expect, it } from 'vitest';
import {
  firstStepWith,
  mergeStepAnswers,
  pickAnswers,
  positionFrom,
  stepSchema,
  stepsOf,
  topFieldOf,
  visibleFields,
  withoutEmpty,
} from '../../web/src/resident/steps.js';
import { guidanceForm } from './web-fixtures.js';

const form = guidanceForm();
const [topic, you, contact] = stepsOf(form);

describe('steps of a form', () => {
  it('come from ui:steps with their localized titles', () => {
    expect(stepsOf(form).map((s) => [s.id, s.title])).toEqual([
      ['topic', 'What do you need help with?'],
      ['you', 'About you'],
      ['contact', 'Contact details'],
      ['consent', 'Consent'],
    ]);
  });

  it('are one step of every field when the form has none', () => {
    const flat = { ...form, uiSchema: {} };
    expect(stepsOf(flat)).toEqual([{ id: 'all', title: form.title, fields: Object.keys(form.schema.properties!) }]);
  });

  it('hide a conditional question until its condition holds', () => {
    expect(visibleFields(form, topic!, {})).toEqual(['topics', 'message']);
    expect(visibleFields(form, topic!, { topics: ['housing', 'other'] })).toEqual(['topics', 'topicOther', 'message']);
    expect(visibleFields(form, contact!, { contactWay: 'email' })).toEqual(['contactWay', 'email', 'contactTime', 'interpreterNeeded']);
  });
});

describe('the schema rjsf gets for a step', () => {
  it('holds only the visible fields, required as the whole form requires them', () => {
    const schema = stepSchema(form, visibleFields(form, you!, {}));
    expect(Object.keys(schema.properties!)).toEqual(['fullName', 'latinName', 'birthYear', 'preferredLanguage']);
    expect(schema.required).toEqual(['fullName', 'preferredLanguage']);
    expect(schema.properties!['fullName']!.title).toBe('Full name');
    expect(schema.allOf).toBeUndefined();
  });

  it('makes a shown conditional question required', () => {
    const schema = stepSchema(form, visibleFields(form, contact!, { contactWay: 'sms' }));
    expect(schema.required).toEqual(['contactWay', 'phone', 'interpreterNeeded']);
  });
});

describe('answers of a step', () => {
  it('are picked without unanswered fields', () => {
    expect(pickAnswers({ fullName: 'A', topics: ['work'] }, ['fullName', 'latinName'])).toEqual({ fullName: 'A' });
  });

  it('replace the step fields in all answers and drop a cleared one', () => {
    const all = { topics: ['work'], fullName: 'Old', latinName: 'Old' };
    expect(mergeStepAnswers(all, ['fullName', 'latinName'], { fullName: 'New', latinName: undefined })).toEqual({
      topics: ['work'],
      fullName: 'New',
    });
  });

  it('keep the answers of other steps and of hidden questions', () => {
    const all = { topics: ['work'], topicOther: 'kept while hidden' };
    expect(mergeStepAnswers(all, ['topics', 'message'], { topics: ['housing'] })).toEqual({
      topics: ['housing'],
      topicOther: 'kept while hidden',
    });
  });

  it('leave out empty values', () => {
    expect(withoutEmpty({ a: '', b: [], c: null, d: undefined, e: 0, f: false, g: ['x'] })).toEqual({ e: 0, f: false, g: ['x'] });
  });
});

describe('errors and positions', () => {
  it('name the top-level field of an error path', () => {
    expect(topFieldOf('/answers/topics/0')).toBe('topics');
    expect(topFieldOf('/answers/fullName')).toBe('fullName');
    expect(topFieldOf('/answers')).toBe('');
  });

  it('find the first step holding a failed field', () => {
    const steps = stepsOf(form);
    expect(firstStepWith(steps, ['consent', 'phone'])).toBe(2);
    expect(firstStepWith(steps, ['nothing'])).toBe(-1);
  });

  it('read a position from history state only when it fits the form', () => {
    expect(positionFrom({ position: 2 }, 4)).toBe(2);
    expect(positionFrom({ position: 'review' }, 4)).toBe('review');
    expect(positionFrom({ position: 4 }, 4)).toBeUndefined();
    expect(positionFrom({ position: '1' }, 4)).toBeUndefined();
    expect(positionFrom(null, 4)).toBeUndefined();
  });
});
