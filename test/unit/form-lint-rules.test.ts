import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFINITION_LIMITS,
  LANGUAGES,
  definitionProblems,
  lintForm,
  type FormDefinition,
  type FormProblem,
  type FormStep,
  type JsonSchema,
} from '../../schemas/src/index.js';
import { catalog } from '../support/test-app.js';

const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
const hobby = catalog.forms.find((f) => f.id === 'hobby')!;

type Form = FormDefinition & Record<string, unknown>;
type Props = Record<string, JsonSchema>;
const props = (form: FormDefinition): Props => form.schema.properties!;
const ui = (form: FormDefinition) => form.uiSchema as Record<string, Record<string, unknown>>;
const steps = (form: FormDefinition) => form.uiSchema['ui:steps'] as FormStep[];
/** A `depth`-deep chain of closed objects, the innermost holding one yes/no question. */
const nested = (depth: number): JsonSchema =>
  depth === 0 ? { type: 'boolean' } : { type: 'object', additionalProperties: false, properties: { [`d${depth}`]: nested(depth - 1) } };

interface Rule {
  code: string;
  /** Where the problem is, a JSON Pointer into the definition. */
  path: string | ((form: FormDefinition) => string);
  /** What provokes it, done to a copy of `base` (guidance unless said). */
  change: (form: Form) => void;
  base?: FormDefinition;
  severity?: 'warning';
}

/** Every rule of the lint, each provoked once: docs/form-lint.md lists the same codes. */
const RULES: Rule[] = [
  // The definition as data
  {
    code: 'definition_too_large',
    path: '',
    change: (f) => void (f.texts.fi!.description = 'x'.repeat(DEFINITION_LIMITS.bytes)),
  },
  {
    code: 'definition_too_deep',
    path: '',
    change: (f) => {
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = [deep];
      ui(f)['phone'] = { 'ui:options': { deep } };
    },
  },
  { code: 'definition_shape', path: '/extra', change: (f) => void (f['extra'] = true) },
  { code: 'definition_shape', path: '/version', change: (f) => void ((f as Record<string, unknown>)['version'] = '5') },
  { code: 'definition_shape', path: '/meta/retentionDays', change: (f) => void delete (f.meta as Partial<typeof f.meta>).retentionDays },
  // Retention between a month (time to handle the case) and ten years.
  { code: 'definition_shape', path: '/meta/retentionDays', change: (f) => void (f.meta.retentionDays = 29) },
  { code: 'definition_shape', path: '/meta/retentionDays', change: (f) => void (f.meta.retentionDays = 3651) },
  { code: 'definition_shape', path: '/meta/retentionDays', change: (f) => void (f.meta.retentionDays = 365.5) },
  {
    code: 'definition_shape',
    path: '/texts/sv/fields/phone/tooltip',
    change: (f) => void (f.texts.sv!.fields['phone']!['tooltip' as 'hint'] = 'x'),
  },
  { code: 'unknown_language', path: '/texts/xx', change: (f) => void ((f.texts as Record<string, unknown>)['xx'] = f.texts.fi) },
  {
    code: 'unknown_language',
    path: '/meta/languages/de',
    change: (f) => void ((f.meta.languages as Record<string, unknown>)['de'] = { reviewed: false }),
  },
  // The schema as code that runs on every answer
  { code: 'schema_not_strict', path: '/schema', change: (f) => void (props(f)['birthYear']!['minimum'] = 'nineteen') },
  {
    code: 'insecure_schema',
    path: '/schema/allOf/0/if/properties/topics/contains/maxLength',
    change: (f) => void (f.schema.allOf![0]!.if!.properties!['topics'] = { type: 'array', contains: { pattern: '^o' } }),
  },
  { code: 'unsafe_pattern', path: '/schema/properties/phone/pattern', change: (f) => void (props(f)['phone']!['pattern'] = '^(a+)+$') },
  {
    code: 'unsafe_pattern',
    path: '/schema/properties/topicOther/pattern',
    change: (f) => void (props(f)['topicOther']!['pattern'] = '^(?<=a)b$'),
  },
  { code: 'invalid_pattern', path: '/schema/properties/phone/pattern', change: (f) => void (props(f)['phone']!['pattern'] = '^[0-9') },
  { code: 'invalid_pattern', path: '/schema/properties/phone/pattern', change: (f) => void (props(f)['phone']!['pattern'] = '^\\-$') },
  {
    code: 'data_reference',
    path: '/schema/properties/message/maxLength/$data',
    change: (f) => void (props(f)['message']!['maxLength'] = { $data: '1/x' }),
  },
  { code: 'open_object', path: '/schema/additionalProperties', change: (f) => void delete f.schema['additionalProperties'] },
  {
    code: 'string_without_max_length',
    path: '/schema/properties/message/maxLength',
    change: (f) => void delete props(f)['message']!['maxLength'],
  },
  {
    code: 'array_without_max_items',
    path: '/schema/properties/topics/maxItems',
    change: (f) => void delete props(f)['topics']!['maxItems'],
  },
  { code: 'display_text_in_schema', path: '/schema/properties/phone/title', change: (f) => void (props(f)['phone']!.title = 'Phone') },
  {
    code: 'too_many_fields',
    path: '/schema',
    change: (f) => {
      for (let i = 0; i < DEFINITION_LIMITS.fields; i++) props(f)[`extra${i}`] = { type: 'boolean' };
    },
  },
  {
    code: 'fields_too_deep',
    path: `/schema/properties/deep${[9, 8, 7, 6, 5, 4, 3, 2].map((d) => `/properties/d${d}`).join('')}`,
    change: (f) => void (props(f)['deep'] = nested(DEFINITION_LIMITS.fieldDepth + 1)),
  },
  { code: 'invalid_field_id', path: '/schema/properties/phone_2', change: (f) => void (props(f)['phone_2'] = { type: 'boolean' }) },
  {
    code: 'duplicate_field_id',
    path: '/schema/properties/childAge',
    base: hobby,
    change: (f) => void (props(f)['childAge'] = { type: 'integer', minimum: 0, maximum: 17 }),
  },
  {
    code: 'invalid_rule',
    path: '/schema/allOf/0',
    change: (f) => void (f.schema.allOf![0]!.else = { required: ['message'] }),
  },
  {
    code: 'invalid_rule',
    path: '/schema/allOf/0/then/not',
    change: (f) => void (f.schema.allOf![0]!.then!['not'] = { required: ['message'] }),
  },
  {
    code: 'rule_shows_schema',
    path: '/schema/allOf/0/then/properties/topicOther',
    change: (f) => void (f.schema.allOf![0]!.then!.properties = { topicOther: { type: 'string', maxLength: 3 } }),
  },
  {
    code: 'complex_condition',
    path: '/schema/allOf/1/if/properties/contactWay',
    change: (f) => void (f.schema.allOf![1]!.if!.properties!['contactWay'] = { minLength: 3 }),
  },
  {
    code: 'required_and_conditional',
    path: (f) => `/schema/required/${f.schema.required!.length - 1}`,
    change: (f) => void f.schema.required!.push('phone'),
  },
  {
    code: 'condition_unknown_field',
    path: '/schema/allOf/0/then/properties/nowhere',
    change: (f) => void (f.schema.allOf![0]!.then!.properties = { nowhere: true as never }),
  },
  // What the form page can render (supported.ts)
  { code: 'unsupported_keyword', path: '/schema/dependencies', change: (f) => void (f.schema['dependencies'] = { phone: ['email'] }) },
  {
    code: 'unsupported_keyword',
    path: '/schema/properties/message/not',
    change: (f) => void (props(f)['message']!['not'] = { const: 'x' }),
  },
  { code: 'unsupported_question', path: '/schema/properties/latinName', change: (f) => void (props(f)['latinName'] = { type: 'null' }) },
  { code: 'unsupported_question', path: '/schema/properties/latinName', change: (f) => void (props(f)['latinName'] = true as never) },
  { code: 'unsupported_format', path: '/schema/properties/phone/format', change: (f) => void (props(f)['phone']!['format'] = 'uri') },
  { code: 'ui_unknown_key', path: '/uiSchema/nickname', change: (f) => void (ui(f)['nickname'] = { 'ui:widget': 'text' }) },
  {
    code: 'ui_not_object',
    path: '/uiSchema/children/items/childAge',
    base: hobby,
    change: (f) => void ((ui(f)['children']!['items'] as Record<string, unknown>)['childAge'] = 'text'),
  },
  { code: 'unsupported_widget', path: '/uiSchema/message/ui:widget', change: (f) => void (ui(f)['message'] = { 'ui:widget': 'password' }) },
  {
    code: 'unsupported_ui_option',
    path: '/uiSchema/phone/ui:options/inputType',
    change: (f) => void (ui(f)['phone'] = { 'ui:options': { inputType: 'file' } }),
  },
  {
    code: 'invalid_autocomplete',
    path: '/uiSchema/phone/ui:autocomplete',
    change: (f) => void (ui(f)['phone'] = { 'ui:autocomplete': 5 }),
  },
  { code: 'unsupported_ui_key', path: '/uiSchema/phone/ui:field', change: (f) => void (ui(f)['phone'] = { 'ui:field': 'Custom' }) },
  // Texts in every language offered
  { code: 'required_language', path: '/meta/languages/en', change: (f) => void delete f.meta.languages.en },
  { code: 'language_without_texts', path: '/texts/sv', change: (f) => void delete f.texts.sv },
  { code: 'language_without_texts', path: '/texts/en', change: (f) => void delete f.texts.en },
  { code: 'language_not_offered', path: '/texts/sv', change: (f) => void delete f.meta.languages.sv },
  { code: 'missing_text', path: '/texts/ar/fields/phone/label', change: (f) => void (f.texts.ar!.fields['phone']!.label = ' ') },
  { code: 'missing_text', path: '/texts/th/steps/contact', change: (f) => void delete f.texts.th!.steps['contact'] },
  {
    code: 'unused_text',
    path: '/texts/fi/fields/nickname/label',
    change: (f) => void (f.texts.fi!.fields['nickname'] = { label: 'Lempinimi' }),
  },
  {
    code: 'extra_text',
    path: '/texts/sv/fields/phone/errors/maxLength',
    change: (f) => void (f.texts.sv!.fields['phone']!.errors = { ...f.texts.sv!.fields['phone']!.errors, maxLength: 'För långt.' }),
  },
  { code: 'placeholder_mismatch', path: '/texts/uk/consent/text', change: (f) => void (f.texts.uk!.consent.text = '{{town}}') },
  // Steps, staff mail, consent
  {
    code: 'field_not_in_one_step',
    path: '/schema/properties/phone',
    change: (f) => {
      for (const step of steps(f)) step.fields = step.fields.filter((id) => id !== 'phone');
    },
  },
  {
    code: 'step_unknown_field',
    path: (f) => `/uiSchema/ui:steps/0/fields/${steps(f)[0]!.fields.length - 1}`,
    change: (f) => void steps(f)[0]!.fields.push('nowhere'),
  },
  {
    code: 'email_unsafe_field',
    path: (f) => `/meta/emailSafeFields/${f.meta.emailSafeFields.length - 1}`,
    change: (f) => void f.meta.emailSafeFields.push('message'),
  },
  {
    code: 'staff_label_unknown_field',
    path: '/meta/staffLabels/nowhere',
    change: (f) => void (f.meta.staffLabels = { ...f.meta.staffLabels, nowhere: 'Ei missään' }),
  },
  {
    code: 'invalid_role',
    path: '/meta/roles/consent',
    change: (f) => {
      delete props(f)['consent'];
      f.schema.required = f.schema.required!.filter((id) => id !== 'consent');
      for (const step of steps(f)) step.fields = step.fields.filter((id) => id !== 'consent');
    },
  },
  {
    code: 'invalid_role',
    path: '/meta/roles/contactEmail/0',
    change: (f) => void (f.meta.roles.contactEmail = ['fullName', 'email']),
  },
  // Guidance asks everyone's name: as evidence, not cases, every submission would still become a case.
  { code: 'triage_contact_always_asked', path: '/meta/triage', severity: 'warning', change: (f) => void (f.meta.triage = false) },
];

/** Warnings against the published version (`options.current` is guidance as it is). */
const CONTINUITY: Rule[] = [
  {
    code: 'field_removed',
    severity: 'warning',
    path: '/schema/properties/phone',
    change: (f) => void delete props(f)['phone'],
  },
  {
    code: 'field_removed',
    severity: 'warning',
    path: '/schema/properties/children/items/properties/childAge',
    base: hobby,
    change: (f) => void delete props(f)['children']!.items!.properties!['childAge'],
  },
  {
    code: 'field_type_changed',
    severity: 'warning',
    path: '/schema/properties/birthYear',
    change: (f) => void (props(f)['birthYear'] = { type: 'string', maxLength: 4 }),
  },
  {
    code: 'option_removed',
    severity: 'warning',
    path: '/schema/properties/contactTime',
    change: (f) => void props(f)['contactTime']!.enum!.pop(),
  },
];

const provoke = (rule: Rule): { form: FormDefinition; problems: FormProblem[] } => {
  const base = rule.base ?? guidance;
  const form = structuredClone(base) as Form;
  rule.change(form);
  return { form, problems: lintForm(form, rule.severity === 'warning' ? { current: base } : {}) };
};

describe('every rule of the form lint', () => {
  for (const rule of [...RULES, ...CONTINUITY]) {
    it(`${rule.code} at ${typeof rule.path === 'string' ? rule.path || '(the whole definition)' : 'its place'}`, () => {
      const { form, problems } = provoke(rule);
      const path = typeof rule.path === 'string' ? rule.path : rule.path(form);
      const found = problems.find((p) => p.code === rule.code && p.path === path);
      expect(found, JSON.stringify(problems.slice(0, 8), null, 1)).toBeDefined();
      expect(found!.severity).toBe(rule.severity ?? 'error');
      expect(found!.message).toMatch(/^[A-Z'"{].+[.)}]$/);
    });
  }

  it('lists in docs/form-lint.md exactly the codes it has', () => {
    const documented = [...readFileSync('docs/form-lint.md', 'utf8').matchAll(/^- `([a-z_]+)`/gm)].map((m) => m[1]).sort();
    const tested = [...new Set([...RULES, ...CONTINUITY].map((r) => r.code))].sort();
    expect(documented).toEqual(tested);
  });

  it('keeps the current forms free of warnings against themselves', () => {
    for (const form of catalog.forms) expect(lintForm(form, { current: form })).toEqual([]);
  });

  it('warns, and only warns, when a question is removed cleanly: warnings do not block publishing', () => {
    const form = structuredClone(guidance);
    delete props(form)['message'];
    delete ui(form)['message'];
    for (const step of steps(form)) step.fields = step.fields.filter((id) => id !== 'message');
    for (const texts of Object.values(form.texts)) delete texts.fields['message'];
    delete form.meta.staffLabels?.['message'];
    expect(lintForm(form, { current: guidance })).toEqual([
      expect.objectContaining({ path: '/schema/properties/message', severity: 'warning', code: 'field_removed' }),
    ]);
  });
});

describe('the messages a coordinator reads', () => {
  it('refuses a pattern that could take exponential time, as the admin API will show it', () => {
    const { problems } = provoke(RULES.find((r) => r.code === 'unsafe_pattern')!);
    expect(problems).toEqual([
      {
        path: '/schema/properties/phone/pattern',
        severity: 'error',
        code: 'unsafe_pattern',
        message: expect.stringContaining('"^(a+)+$" could take very long to check some answers'),
      },
    ]);
  });

  it('says to complete a language or take it off the offer, and that fi and en are required', () => {
    const form = structuredClone(guidance);
    delete form.texts.sv!.fields['phone']!.hint;
    delete form.texts.en!.fields['phone']!.hint;
    delete form.texts.ar;
    delete form.meta.languages.th;
    form.texts.tl!.title = '';
    const messages = Object.fromEntries(lintForm(form).map((p) => [p.path, p.message]));
    expect(messages['/texts/sv/fields/phone/hint']).toBe(
      "The Swedish (sv) text fields.phone.hint is missing or empty. Complete Swedish (sv), or take it off the form's languages (meta.languages).",
    );
    expect(messages['/texts/en/fields/phone/hint']).toBe(
      'The English (en) text fields.phone.hint is missing or empty. Finnish and English are required for every form, so complete English (en).',
    );
    expect(messages['/texts/ar']).toBe(
      "Arabic (ar) has no texts. Complete Arabic (ar), or take it off the form's languages (meta.languages).",
    );
    // The service's names, not CLDR's (which calls tl Filipino).
    expect(messages['/texts/tl/title']).toMatch(/^The Tagalog \(tl\) text title is missing or empty\./);
    expect(messages['/texts/th']).toBe(
      "There are texts in Thai (th) but the form does not offer it: add it to the form's languages (meta.languages), or remove its texts.",
    );
  });

  it('names a removed question by its Finnish label and says what the export will look like', () => {
    const { problems } = provoke(CONTINUITY[0]!);
    expect(problems.find((p) => p.code === 'field_removed')!.message).toBe(
      "This draft removes the question 'Puhelinnumero' (phone): new submissions will not answer it, and once it is published the CSV export has no column 'Puhelinnumero'; answers already sent stay in each submission.",
    );
  });
});

describe('an untrusted definition', () => {
  it('is linted, never thrown on, whatever JSON it is', () => {
    const broken: unknown[] = [
      null,
      [],
      'form',
      {},
      { ...guidance, schema: { type: 'object', properties: { a: null } } },
      { ...guidance, schema: { type: 'object', properties: {}, allOf: { if: {} } } },
      { ...guidance, schema: { type: 'object', properties: {}, required: 'a' } },
      { ...guidance, uiSchema: { 'ui:steps': [{ id: 'x', fields: [1] }] } },
      { ...guidance, meta: { ...guidance.meta, emailSafeFields: [null] } },
    ];
    for (const data of broken) {
      const problems = lintForm(data as FormDefinition);
      expect(problems.length, JSON.stringify(data).slice(0, 80)).toBeGreaterThan(0);
      expect(problems.every((p) => p.severity === 'error')).toBe(true);
    }
  });

  it('is refused whole when too large or too deep, before anything else reads it', () => {
    expect(definitionProblems({ a: [[[[]]]] })).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'definition_shape' })]));
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const form = { ...guidance, schema: deep } as FormDefinition;
    expect(lintForm(form).map((p) => p.code)).toEqual(['definition_too_deep']);
  });

  it('has the languages of the service, no more and no fewer, in its format', () => {
    const format = JSON.parse(readFileSync('schemas/definition.schema.json', 'utf8')) as {
      definitions: { language: { enum: string[] } };
    };
    expect(format.definitions.language.enum).toEqual(LANGUAGES.map((l) => l.code));
  });
});
