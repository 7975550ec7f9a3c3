import type { FormDefinition, FormRoles } from './types.js';

/** The questions whose answers are the resident's contact details: a name, a phone number or their own email. */
export function contactRoleFields(roles: FormRoles): string[] {
  return [roles.name, roles.latinName, roles.phone, ...(roles.contactEmail ?? [])].filter((f): f is string => f !== undefined);
}

const answered = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * Whether a submission is a case staff handle (mailed, in the inbox, search, digest and export) or evidence for the
 * reports only: every submission of a form is a case unless the form says `meta.triage: false`, and even then one
 * that leaves contact details asks for a reply, which needs an owner, a status and a history.
 */
export function isCase(form: Pick<FormDefinition, 'meta'>, answers: Record<string, unknown>): boolean {
  if (form.meta.triage !== false) return true;
  return contactRoleFields(form.meta.roles).some((field) => answered(answers[field]));
}
