import { describe, expect, it } from 'vitest';
import {
  compileSchema,
  describeErrors,
  hiddenFields,
  lintForm,
  localizedFieldLookup,
  municipalityTexts,
  walkInWords,
  type FormDefinition,
} from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { catalog } from '../support/test-app.js';

const hobby = catalog.forms.find((f) => f.id === 'hobby')!;
const registration = catalog.forms.find((f) => f.id === 'registration')!;
const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
const heinola = catalog.municipalities.find((m) => m.id === 'heinola')!;

describe('repeating groups in the kit', () => {
  it('gives the group its item title and buttons in the page’s language, the number left to each item', () => {
    const uk = localize(hobby, 'uk', { municipality: 'Orimattila' });
    expect((uk.uiSchema['children'] as { 'ui:options': unknown })['ui:options']).toMatchObject({
      itemTitle: 'Дитина {{number}}',
      addLabel: 'Додати дитину',
      removeLabel: 'Видалити дитину {{number}}',
    });
  });

  it('names the child whose answer is wrong, in the server’s and the browser’s messages alike', () => {
    const validate = compileSchema(hobby.schema);
    validate({
      hobbyFor: 'child',
      children: [
        { childFirstName: 'Olena', childAge: 7, childInterests: ['music'] },
        { childFirstName: 'Marko', childAge: 30, childInterests: ['games'] },
      ],
    });
    const messages = { maximum: '{{label}}: at most {{limit}}.' };
    const server = describeErrors(validate.errors!, messages, (id) => hobby.texts.fi!.fields[id], 'fi');
    const browser = describeErrors(validate.errors!, messages, localizedFieldLookup(localize(hobby, 'fi')), 'fi');
    const expected = { path: '/answers/children/1/childAge', keyword: 'maximum', message: 'Lapsi 2: Lapsen ikä: at most 17.' };
    expect(server).toContainEqual(expected);
    expect(browser).toContainEqual(expected);
  });

  it('lints a group without its item title or buttons in a language', () => {
    const form: FormDefinition = structuredClone(hobby);
    delete form.texts.fi!.fields['children']!.add;
    delete form.texts.uk!.fields['children']!.remove;
    const problems = lintForm(form).map((p) => `${p.code} ${p.path}`);
    expect(problems).toContain('missing_text /texts/fi/fields/children/add');
    expect(problems).toContain('missing_text /texts/uk/fields/children/remove');
  });
});

describe('questions shown but optional under a condition', () => {
  it('shows "email me a receipt" only to a resident who chose another way than email, and never requires it', () => {
    expect(hiddenFields(guidance.schema, { contactWay: 'email' }).has('receiptEmail')).toBe(true);
    expect(hiddenFields(guidance.schema, { contactWay: 'visit' }).has('receiptEmail')).toBe(false);
    const validate = compileSchema(guidance.schema);
    validate({ contactWay: 'visit' });
    expect(validate.errors!.some((e) => e.params['missingProperty'] === 'receiptEmail')).toBe(false);
  });

  it('lints a condition that shows a question the form does not ask', () => {
    const form: FormDefinition = structuredClone(guidance);
    form.schema.allOf!.push({
      if: { properties: { contactWay: { const: 'sms' } }, required: ['contactWay'] },
      then: { properties: { nowhere: true as never } },
    });
    expect(lintForm(form)).toContainEqual({
      path: `/schema/allOf/${form.schema.allOf!.length - 1}/then/properties/nowhere`,
      severity: 'error',
      code: 'condition_unknown_field',
      message: "The rule shows 'nowhere', which the form does not ask.",
    });
  });
});

describe('a date of birth', () => {
  const formatFails = (value: string) => {
    const validate = compileSchema(registration.schema);
    validate({ birthDate: value });
    return (validate.errors ?? []).some((e) => e.instancePath === '/birthDate' && e.keyword === 'format');
  };

  it('is a real date between 1900 and today', () => {
    expect(formatFails('1985-03-12')).toBe(false);
    expect(formatFails('2000-02-29')).toBe(false);
  });

  it('is refused in the future, before 1900, in the Buddhist era (2528 for 1985), or as a date that does not exist', () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    for (const value of [nextYear, '2528-03-12', '1899-12-31', '1985-02-30', '1985--12']) expect(formatFails(value), value).toBe(true);
  });
});

describe('a town’s walk-in as data', () => {
  it('names the weekday and hours in each language', () => {
    const walkIn = { weekday: 2, opens: '12:00', closes: '15:00', address: 'Kauppakatu 10' };
    expect(walkInWords(walkIn, 'fi')).toEqual({ weekday: 'tiistai', opens: '12.00', closes: '15.00', address: 'Kauppakatu 10' });
    expect(walkInWords(walkIn, 'en').weekday).toBe('Tuesday');
    expect(walkInWords(walkIn, 'uk').weekday).toBe('вівторок');
  });

  it('fills the town’s texts from its file, so the hours are written once', () => {
    const fi = municipalityTexts(heinola, 'fi')['walkIn']!;
    expect(fi).toContain('tiistai');
    expect(fi).toContain(heinola.walkIn!.address);
    expect(fi).not.toContain('{{');
    expect(fi).not.toContain('kerran viikossa');
  });
});
