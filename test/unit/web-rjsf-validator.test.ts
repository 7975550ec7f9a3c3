import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { createAjv, localizedFieldLookup, validateAnswers } from '../../schemas/src/index.js';
import { createKitValidator, errorSchemaOf, validateForm } from '../../web/src/resident/rjsf-validator.js';
import { stepSchema, stepsOf, visibleFields, type Answers } from '../../web/src/resident/steps.js';
import { requiredOnly } from '../../web/src/resident/validation/required-only.js';
import { errorTemplates, guidanceForm } from './web-fixtures.js';

const form = guidanceForm();
const validate = createAjv().compile(form.schema);
const messages = errorTemplates();

function validatorWith(answers: Answers) {
  return createKitValidator({ form, validate, messages, answers: () => answers });
}

function stepRjsfSchema(index: number, answers: Answers): RJSFSchema {
  const step = stepsOf(form)[index]!;
  return stepSchema(form, visibleFields(form, step, answers)) as RJSFSchema;
}

describe('the rjsf validator backed by the form kit', () => {
  it("words errors exactly as the server's validateAnswers does", () => {
    const answers = { fullName: 'A', phone: 'abc', contactWay: 'sms' };
    const server = validateAnswers(validate, answers, messages, localizedFieldLookup(form), form.lang);
    expect(validateForm({ form, validate, messages }, answers)).toEqual(server);
    expect(server.map((e) => e.message)).toContain('A phone number can only have digits, spaces and a + sign.');
    expect(server.map((e) => e.message)).toContain('Full name: write at least 2 characters.');
  });

  it("reports only the errors of the step's fields, on those fields", () => {
    const answers = { topics: ['work'] };
    const { errors, errorSchema } = validatorWith(answers).validateFormData({ fullName: 'A' }, stepRjsfSchema(1, answers));
    expect(errors.map((e) => [e.property, e.name, e.message])).toEqual([
      ['.preferredLanguage', 'required', 'Language you want to use with us: please answer this question.'],
      ['.fullName', 'minLength', 'Full name: write at least 2 characters.'],
    ]);
    expect(errorSchema).toEqual({
      preferredLanguage: { __errors: ['Language you want to use with us: please answer this question.'] },
      fullName: { __errors: ['Full name: write at least 2 characters.'] },
    });
  });

  it('asks for a conditional question only when its condition holds, in its own words', () => {
    const answers = { topics: ['other'] };
    const { errors } = validatorWith(answers).validateFormData(answers, stepRjsfSchema(0, answers));
    expect(errors.map((e) => e.message)).toEqual(['What other topic?: please answer this question.']);
    const none = validatorWith({}).validateFormData({ topics: ['work'] }, stepRjsfSchema(0, {}));
    expect(none.errors).toEqual([]);
  });

  it('treats an empty choice list as unanswered, as the sent answers leave it out', () => {
    const { errors } = validatorWith({}).validateFormData({ topics: [] }, stepRjsfSchema(0, {}));
    expect(errors.map((e) => e.name)).toEqual(['required']);
  });

  it("uses a field's own error text", () => {
    const { errors } = validatorWith({}).validateFormData({ consent: false }, stepRjsfSchema(3, {}));
    expect(errors.map((e) => e.message)).toEqual(['Please agree to the processing of your data so that we can help you.']);
  });

  it('answers rjsf condition checks without compiling', () => {
    const validator = validatorWith({});
    const condition = form.schema.allOf![1]!.if as RJSFSchema;
    expect(validator.isValid(condition, { contactWay: 'sms' }, form.schema as RJSFSchema)).toBe(true);
    expect(validator.isValid(condition, { contactWay: 'visit' }, form.schema as RJSFSchema)).toBe(false);
  });

  it('puts server errors on their top-level fields', () => {
    expect(
      errorSchemaOf([
        { path: '/answers/topics/0', keyword: 'enum', message: 'm' },
        { path: '/answers', keyword: 'type', message: 'x' },
      ]),
    ).toEqual({
      topics: { __errors: ['m'] },
    });
  });

  it('puts an error inside a repeating group on the question of that item', () => {
    expect(errorSchemaOf([{ path: '/answers/children/1/childAge', keyword: 'required', message: 'Child 2: Age: answer' }])).toEqual({
      children: { 1: { childAge: { __errors: ['Child 2: Age: answer'] } } },
    });
  });
});

describe('the required-only stand-in for a form newer than the build', () => {
  it('reports missing required and shown conditional answers like ajv', () => {
    const errors = validateAnswers(
      requiredOnly(form.schema),
      { topics: ['other'], contactWay: 'email' },
      messages,
      localizedFieldLookup(form),
    );
    expect(errors.map((e) => e.path)).toEqual([
      '/answers/fullName',
      '/answers/preferredLanguage',
      '/answers/interpreterNeeded',
      '/answers/consent',
      '/answers/topicOther',
      '/answers/email',
    ]);
    expect(errors[0]!.message).toBe('Full name: please answer this question.');
  });
});
