import { describe, expect, it } from 'vitest';
import {
  compileSchema,
  describeErrors,
  hiddenFields,
  lintForm,
  offeredLanguages,
  withoutHidden,
  FORMATS,
  WIDGETS,
  type FieldKind,
  type FormDefinition,
  type FormProblem,
} from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { canonicalJson } from '../../schemas/src/canonical-json.js';
import { catalog } from '../support/test-app.js';

const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
const clone = (): FormDefinition => structuredClone(guidance);

describe('localize', () => {
  it('places labels, hints and option labels in one language into copies of schema and uiSchema', () => {
    const fi = localize(guidance, 'fi', { municipality: 'Heinola', walkIn: 'Päivystys tiistaisin.' });
    expect(fi).toMatchObject({ id: 'guidance', version: guidance.version, lang: 'fi', dir: 'ltr', title: 'Ohjaus ja neuvonta' });
    expect(fi.schema.properties!['fullName']).toMatchObject({ type: 'string', title: 'Koko nimi' });
    expect(fi.schema.properties!['contactWay']!.description).toBe('Päivystys tiistaisin.');
    expect(fi.schema.properties!['consent']!.description).toContain('Heinola käsittelee');
    expect(fi.uiSchema['topics']).toMatchObject({ 'ui:widget': 'checkboxes', items: { 'ui:enumNames': { housing: 'Asuminen' } } });
    expect(fi.uiSchema['interpreterNeeded']).toMatchObject({ 'ui:enumNames': ['Kyllä', 'Ei'] });
    expect((fi.uiSchema['ui:steps'] as { title: string }[])[0]!.title).toBe('Mistä tarvitset apua?');
    expect(guidance.schema.properties!['fullName']!.title).toBeUndefined();
  });

  it('refuses a language the form has no texts in', () => {
    const form = clone();
    delete form.texts.th;
    expect(() => localize(form, 'th')).toThrow(/no texts in th/);
  });
});

describe('offeredLanguages', () => {
  it('leaves out a language with a missing text', () => {
    const form = clone();
    form.meta.languages = { fi: { reviewed: true }, sv: { reviewed: false }, en: { reviewed: false } };
    expect(offeredLanguages(form)).toEqual(['fi', 'sv', 'en']);
    delete form.texts.sv!.fields['phone']!.hint;
    expect(offeredLanguages(form)).toEqual(['fi', 'en']);
  });
});

describe('conditional fields', () => {
  it('hide follow-up questions until their condition holds', () => {
    expect([...hiddenFields(guidance.schema, { topics: ['housing'], contactWay: 'email' })].sort()).toEqual([
      'interpreterLanguage',
      'interpreterLanguageOther',
      'phone',
      'receiptEmail',
      'topicOther',
    ]);
    expect([...hiddenFields(guidance.schema, { topics: ['other'], contactWay: 'sms', interpreterNeeded: true })].sort()).toEqual([
      'email',
      'interpreterLanguageOther',
    ]);
    // The language's own name is asked only for "another language".
    expect(hiddenFields(guidance.schema, { interpreterNeeded: true, interpreterLanguage: 'other' }).has('interpreterLanguageOther')).toBe(
      false,
    );
    expect(hiddenFields(guidance.schema, { interpreterNeeded: true, interpreterLanguage: 'prs' }).has('interpreterLanguageOther')).toBe(
      true,
    );
    expect(withoutHidden(guidance.schema, { contactWay: 'email', phone: '040', email: 'a@b.fi' })).toEqual({
      contactWay: 'email',
      email: 'a@b.fi',
    });
  });
});

describe('describeErrors', () => {
  it('gives one message per path and keyword, naming the label and the limit', () => {
    const validate = compileSchema(guidance.schema);
    validate({ topics: [], fullName: 'x'.repeat(201), consent: true });
    const texts = guidance.texts.en!;
    const errors = describeErrors(
      validate.errors!,
      { required: '{{label}} is required.', minItems: '{{label}}: at least {{limit}}.', maxLength: '{{label}}: at most {{limit}}.' },
      (id) => texts.fields[id],
    );
    expect(errors).toContainEqual({ path: '/answers/topics', keyword: 'minItems', message: 'Topics: at least 1.' });
    expect(errors).toContainEqual({ path: '/answers/fullName', keyword: 'maxLength', message: 'Full name: at most 200.' });
    expect(errors).toContainEqual({ path: '/answers/contactWay', keyword: 'required', message: 'How should we contact you? is required.' });
    expect(errors.some((e) => e.keyword === 'if')).toBe(false);
  });

  it('writes limits as the resident reads numbers, without grouping', () => {
    const validate = compileSchema(guidance.schema);
    validate({ birthYear: 1850 });
    const lookup = () => ({ label: 'X' });
    const message = (lang: string) =>
      describeErrors(validate.errors!, { minimum: '{{label}} ≥ {{limit}}' }, lookup, lang).find((e) => e.keyword === 'minimum')!.message;
    expect(message('fi')).toBe('X ≥ 1900');
    expect(message('fa')).toBe(`X ≥ ${new Intl.NumberFormat('fa', { useGrouping: false }).format(1900)}`);
    expect(message('fa')).toBe('X ≥ ۱۹۰۰');
  });
});

/** Problems as `code path` lines, the two parts an editor and these tests rely on. */
const at = (problems: FormProblem[]) => problems.map((p) => `${p.code} ${p.path}`);

describe('lintForm', () => {
  it('passes the model form', () => {
    expect(lintForm(guidance)).toEqual([]);
  });

  it('catches an open object, a string without maxLength, $data and display text in the schema', () => {
    const form = clone();
    delete form.schema['additionalProperties'];
    delete form.schema.properties!['fullName']!['maxLength'];
    form.schema.properties!['latinName']!['maxLength'] = { $data: '1/fullName' };
    form.schema.properties!['birthYear']!.title = 'Year';
    const problems = at(lintForm(form));
    expect(problems).toContain('open_object /schema/additionalProperties');
    expect(problems).toContain('string_without_max_length /schema/properties/fullName/maxLength');
    expect(problems).toContain('data_reference /schema/properties/latinName/maxLength/$data');
    expect(problems).toContain('display_text_in_schema /schema/properties/birthYear/title');
  });

  it('catches missing, empty and unused texts and a missing required language', () => {
    const form = clone();
    form.texts.en!.fields['phone']!.label = '';
    form.texts.sv!.fields['email']!.hint = ' ';
    form.texts.fi!.fields['nickname'] = { label: 'Lempinimi' };
    delete form.meta.languages.en;
    const problems = lintForm(form);
    expect(at(problems)).toEqual(
      expect.arrayContaining([
        'missing_text /texts/en/fields/phone/label',
        'missing_text /texts/sv/fields/email/hint',
        'unused_text /texts/fi/fields/nickname/label',
        'required_language /meta/languages/en',
        'language_not_offered /texts/en',
      ]),
    );
    expect(problems.filter((p) => p.path === '/texts/sv/fields/email/hint')).toEqual([
      {
        path: '/texts/sv/fields/email/hint',
        severity: 'error',
        code: 'missing_text',
        message:
          "The Swedish (sv) text fields.email.hint is missing or empty. Complete Swedish (sv), or take it off the form's languages (meta.languages).",
      },
    ]);
    expect(problems.find((p) => p.path === '/texts/en/fields/phone/label')?.message).toMatch(
      /Finnish and English are required for every form, so complete English \(en\)\./,
    );
  });

  it('catches a translation that drops or renames a placeholder', () => {
    const form = clone();
    form.texts.sv!.consent.text = '{{kommun}} använder dina uppgifter.';
    expect(lintForm(form)).toContainEqual({
      path: '/texts/sv/consent/text',
      severity: 'error',
      code: 'placeholder_mismatch',
      message:
        'The Swedish (sv) text consent.text has {{kommun}} where Finnish has {{municipality}}; keep the placeholders as they are in Finnish.',
    });
  });

  it('asks a hint of every answer field but consent, whose text is the consent text', () => {
    const form = clone();
    delete form.texts.fi!.fields['contactTime']!.hint;
    form.texts.en!.fields['consent']!.hint = 'Tick the box.';
    const problems = at(lintForm(form));
    expect(problems).toContain('missing_text /texts/fi/fields/contactTime/hint');
    expect(problems).toContain('unused_text /texts/en/fields/consent/hint');
    expect(problems.filter((p) => /consent\/hint/.test(p))).toHaveLength(1);
  });

  it('catches a text for a field the form does not have', () => {
    const form = clone();
    form.texts.fi!.fields['nickname'] = { label: 'Lempinimi', hint: 'Jos sinulla on.' };
    (form.texts.ar!.fields as Record<string, unknown>)['nickname'] = { hint: 'إن وجد.' };
    const problems = lintForm(form);
    for (const lang of ['fi', 'ar'])
      expect(problems).toContainEqual({
        path: `/texts/${lang}/fields/nickname/hint`,
        severity: 'error',
        code: 'unused_text',
        message: "The text fields.nickname.hint is not used: the form has no question 'nickname'.",
      });
  });

  it('catches a text that another language has but fi does not', () => {
    const form = clone();
    form.texts.ar!.fields['email']!.errors = { format: 'اكتب عنواناً مثل name@example.com.' };
    form.texts.ar!.fields['topics']!.options!['sport'] = 'الرياضة';
    const problems = at(lintForm(form));
    expect(problems).toContain('extra_text /texts/ar/fields/email/errors/format');
    expect(problems).toContain('unused_text /texts/ar/fields/topics/options/sport');
    form.texts.fi!.fields['email']!.errors = { format: 'Kirjoita osoite muodossa nimi@esimerkki.fi.' };
    expect(
      at(lintForm(form))
        .filter((p) => p.includes('errors/format'))
        .sort(),
    ).toEqual(['en', 'et', 'fa', 'ru', 'sv', 'th', 'tl', 'uk'].map((lang) => `missing_text /texts/${lang}/fields/email/errors/format`));
  });

  it('catches an error text for a keyword the field cannot fail, such as a misspelt one', () => {
    const form = clone();
    form.texts.fi!.fields['phone']!.errors = { patern: 'Vain numeroita.' };
    form.texts.fi!.fields['fullName']!.errors = { required: 'Kirjoita nimesi.', format: 'Ei muotoa.' };
    form.texts.fi!.fields['topics']!.errors = { enum: 'Valitse listalta.' };
    const problems = lintForm(form).filter((p) => p.path.startsWith('/texts/fi/'));
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: '/texts/fi/fields/phone/errors/patern',
          severity: 'error',
          code: 'unused_text',
          message:
            "The text fields.phone.errors.patern is not used: 'phone' has no rule patern (only type, minLength, maxLength, pattern, required).",
        },
        {
          path: '/texts/fi/fields/fullName/errors/format',
          severity: 'error',
          code: 'unused_text',
          message:
            "The text fields.fullName.errors.format is not used: 'fullName' has no rule format (only type, minLength, maxLength, required).",
        },
      ]),
    );
  });

  it('refuses a number as an email-safe field: a birth year or a count of children is personal', () => {
    const form = clone();
    form.meta.emailSafeFields.push('birthYear');
    expect(lintForm(form)).toEqual([
      {
        path: `/meta/emailSafeFields/${form.meta.emailSafeFields.length - 1}`,
        severity: 'error',
        code: 'email_unsafe_field',
        message:
          "'Syntymävuosi (vapaaehtoinen)' (birthYear) cannot be in staff email: only closed choices (options or yes/no) may be, never free text or a number.",
      },
    ]);
  });

  it('checks strings and objects inside if/then/else branches too, but leaves conditions open', () => {
    const form = clone();
    form.schema.allOf![0]!.then!.properties = { topicOther: { type: 'string' }, extra: { type: 'object', properties: {} } };
    form.schema.properties!['message']!.if = { minLength: 100 };
    form.schema.properties!['message']!.then = { maxLength: 2000 };
    form.schema.properties!['message']!.else = { type: 'string', description: 'Short.' };
    const problems = at(lintForm(form));
    expect(problems).toContain('string_without_max_length /schema/allOf/0/then/properties/topicOther/maxLength');
    expect(problems).toContain('open_object /schema/allOf/0/then/properties/extra/additionalProperties');
    expect(problems).toContain('string_without_max_length /schema/properties/message/else/maxLength');
    expect(problems).toContain('display_text_in_schema /schema/properties/message/else/description');
    // The model form's `if` objects stay open: closing one would fail it whenever any other field is answered.
    expect(problems.filter((p) => p.includes('/if/'))).toEqual([]);
  });

  it('accepts every widget, format and option of the supported list (supported.ts)', () => {
    const form = clone();
    const ui = form.uiSchema as Record<string, Record<string, unknown>>;
    const fieldOf: Record<FieldKind, string | undefined> = {
      text: 'message',
      number: 'birthYear',
      choice: 'contactWay',
      yesNo: 'interpreterNeeded',
      choices: 'topics',
      group: undefined,
      object: undefined,
    };
    for (const [kind, field] of Object.entries(fieldOf)) {
      for (const widget of WIDGETS[kind as FieldKind]) {
        ui[field!] = { 'ui:widget': widget };
        expect(lintForm(form), `${kind}: ${widget}`).toEqual([]);
      }
    }
    for (const format of FORMATS) {
      form.schema.properties!['topicOther']!['format'] = format;
      expect(lintForm(form), format).toEqual([]);
    }
    ui['phone'] = { 'ui:options': { inputType: 'text', rows: 2, orderable: false, keepOffDevice: true, fromPageLanguage: false } };
    expect(lintForm(form)).toEqual([]);
  });

  it('refuses a widget, uiSchema key or option the form page does not carry', () => {
    const form = clone();
    const ui = form.uiSchema as Record<string, Record<string, unknown>>;
    ui['birthYear'] = { 'ui:widget': 'updown' };
    ui['message'] = { 'ui:widget': 'radio' };
    ui['topics'] = { 'ui:widget': 'checkboxes', 'ui:field': 'LayoutGridField' };
    ui['phone'] = { 'ui:options': { inputType: 'file', widget: 'password' } };
    ui['email'] = { 'ui:help': 'name@example.com' };
    ui['nickname'] = { 'ui:widget': 'text' };
    (form.uiSchema as Record<string, unknown>)['ui:order'] = ['*'];
    expect(lintForm(form).map((p) => `${p.code} ${p.path}: ${p.message}`)).toEqual([
      "unsupported_ui_key /uiSchema/topics/ui:field: 'ui:field' is not supported (only ui:widget, ui:options, ui:autocomplete).",
      'unsupported_widget /uiSchema/message/ui:widget: The widget "radio" is not supported for this question (only text, textarea).',
      'unsupported_widget /uiSchema/birthYear/ui:widget: The widget "updown" is not supported for this question (only text).',
      'unsupported_ui_option /uiSchema/phone/ui:options/inputType: The setting ui:options.inputType "file" is not supported.',
      'unsupported_ui_option /uiSchema/phone/ui:options/widget: The setting ui:options.widget "password" is not supported.',
      "unsupported_ui_key /uiSchema/email/ui:help: 'ui:help' is not supported (only ui:widget, ui:options, ui:autocomplete).",
      "ui_unknown_key /uiSchema/nickname: 'nickname' is neither a question of the form nor a supported uiSchema key.",
      "ui_unknown_key /uiSchema/ui:order: 'ui:order' is neither a question of the form nor a supported uiSchema key.",
    ]);
  });

  it('refuses a question the form page cannot show: alternatives, references, nulls, files, open lists', () => {
    const form = clone();
    const props = form.schema.properties!;
    props['message'] = { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'integer' }] };
    props['fullName'] = { type: ['string', 'null'], maxLength: 200 };
    props['latinName'] = { $ref: '#/definitions/name' };
    props['topics'] = { type: 'array', maxItems: 2, items: { type: 'string', enum: ['a', 'b'] } };
    props['phone'] = { type: 'string', format: 'data-url', maxLength: 100 };
    props['contactTime'] = { type: 'string', enum: ['morning'], format: 'email' };
    form.schema['dependencies'] = { phone: ['email'] };
    form.schema.allOf![0]!.then = { required: ['topicOther'], properties: { topicOther: { type: 'string', maxLength: 3 } }, else: {} };
    const problems = at(lintForm(form));
    expect(problems).toEqual(
      expect.arrayContaining([
        'invalid_rule /schema/allOf/0/then/else',
        'rule_shows_schema /schema/allOf/0/then/properties/topicOther',
        'unsupported_keyword /schema/dependencies',
        'unsupported_keyword /schema/properties/message/anyOf',
        'unsupported_question /schema/properties/message',
        'unsupported_question /schema/properties/fullName',
        'unsupported_keyword /schema/properties/latinName/$ref',
        'unsupported_question /schema/properties/topics',
        'unsupported_format /schema/properties/phone/format',
        'unsupported_format /schema/properties/contactTime/format',
      ]),
    );
  });

  it('refuses free text as an email-safe field and a schema that does not compile', () => {
    const form = clone();
    form.meta.emailSafeFields.push('message');
    form.schema.properties!['birthYear']!['minimum'] = 'nineteen';
    const problems = at(lintForm(form));
    expect(problems).toContain(`email_unsafe_field /meta/emailSafeFields/${form.meta.emailSafeFields.length - 1}`);
    expect(problems).toContain('schema_not_strict /schema');
  });
});

describe('canonicalJson', () => {
  it('is the same for equal data in any key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});
