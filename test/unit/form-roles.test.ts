import { describe, expect, it } from 'vitest';
import { residentEmail, residentPhone } from '../../functions/src/domain/resident-confirmation.js';
import { lintForm, type FormDefinition } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { catalog } from './web-fixtures.js';

const guidance = () => structuredClone(catalog.forms.find((f) => f.id === 'guidance')!) as FormDefinition;

/** The guidance form with its questions renamed, as an admin might name them: only the roles tell which is which. */
function renamed(): FormDefinition {
  const form = guidance();
  const rename = (from: string, to: string) => {
    const props = form.schema.properties!;
    props[to] = props[from]!;
    delete props[from];
    form.schema.required = form.schema.required!.map((id) => (id === from ? to : id));
    for (const step of form.uiSchema['ui:steps'] as { fields: string[] }[]) step.fields = step.fields.map((id) => (id === from ? to : id));
    if (form.uiSchema[from]) ((form.uiSchema[to] = form.uiSchema[from]), delete form.uiSchema[from]);
    for (const texts of Object.values(form.texts)) ((texts!.fields[to] = texts!.fields[from]!), delete texts!.fields[from]);
    form.meta.emailSafeFields = form.meta.emailSafeFields.map((id) => (id === from ? to : id));
    const labels = form.meta.staffLabels;
    if (labels?.[from] !== undefined) ((labels[to] = labels[from]), delete labels[from]);
    for (const rule of form.schema.allOf ?? []) {
      const then = rule.then as { required?: string[]; properties?: Record<string, unknown> };
      then.required = then.required?.map((id) => (id === from ? to : id));
      if (then.properties?.[from] !== undefined) ((then.properties[to] = then.properties[from]), delete then.properties[from]);
    }
  };
  rename('consent', 'agree');
  rename('receiptEmail', 'copyTo');
  form.meta.roles = { ...form.meta.roles, consent: 'agree', contactEmail: ['copyTo', 'email'] };
  return form;
}

describe('field roles: a form says which questions play which part', () => {
  it('lets a form name its consent and address questions as it likes, and the lint, texts and confirmation follow', () => {
    const form = renamed();
    expect(lintForm(form).filter((p) => p.severity === 'error')).toEqual([]);
    // The consent question shows the consent text, whatever its id.
    const fi = localize(form, 'fi', { municipality: 'Heinola' });
    expect(fi.schema.properties!['agree']!.description).toContain('Heinola');
    // The confirmation goes to the first answered contactEmail question, in the roles' order.
    expect(residentEmail(form, { email: 'contact@example.com', copyTo: 'copy@example.com' })).toBe('copy@example.com');
    expect(residentEmail(form, { email: 'contact@example.com' })).toBe('contact@example.com');
  });

  it('sends no confirmation to a question the roles do not name, however it looks', () => {
    const form = guidance();
    form.meta.roles = { consent: 'consent' };
    expect(residentEmail(form, { email: 'contact@example.com' })).toBeUndefined();
    expect(residentPhone(form, { phone: '+358 40 123 4567' })).toBeUndefined();
    expect(residentPhone(guidance(), { phone: '040 123 4567' })).toBe('+358401234567');
  });
});
