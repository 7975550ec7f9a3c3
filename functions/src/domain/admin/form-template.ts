import type { FormDefinition } from '../../../../schemas/src/index.js';

/**
 * A new form's first draft: one question and the consent, with Finnish and English texts, so that it passes the
 * lint as it stands and the admin changes it rather than starts from nothing. Offered in no language beyond those
 * two until its texts are written; no municipality offers it until its file lists it.
 */
export function newFormTemplate(formId: string): FormDefinition {
  return {
    id: formId,
    version: 1,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['message', 'consent'],
      properties: {
        message: { type: 'string', minLength: 1, maxLength: 2000 },
        consent: { type: 'boolean', const: true },
      },
    },
    uiSchema: {
      'ui:steps': [
        { id: 'question', fields: ['message'] },
        { id: 'consent', fields: ['consent'] },
      ],
      message: { 'ui:widget': 'textarea' },
      consent: { 'ui:widget': 'checkbox' },
    },
    meta: {
      roles: { consent: 'consent' },
      languages: { fi: { reviewed: false }, en: { reviewed: false } },
      emailSafeFields: [],
      retentionDays: 365,
      consentVersion: '1',
    },
    texts: {
      fi: {
        title: 'Uusi lomake',
        description: 'Kerro lyhyesti, mitä lomakkeella kysytään.',
        next: 'Otamme sinuun yhteyttä.',
        steps: { question: 'Kysymys', consent: 'Suostumus' },
        fields: {
          message: { label: 'Viesti', hint: 'Kirjoita omin sanoin.' },
          consent: { label: 'Hyväksyn tietojeni käsittelyn' },
        },
        consent: { text: '{{municipality}} käsittelee tietojasi tämän asian hoitamiseksi.' },
      },
      en: {
        title: 'New form',
        description: 'Say briefly what the form asks.',
        next: 'We will contact you.',
        steps: { question: 'Question', consent: 'Consent' },
        fields: {
          message: { label: 'Message', hint: 'Write in your own words.' },
          consent: { label: 'I agree to the processing of my data' },
        },
        consent: { text: '{{municipality}} processes your data to handle this matter.' },
      },
    },
  };
}
