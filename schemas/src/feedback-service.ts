// Which service of the feedback form (its `service` question) a form is about: the confirmation page of each form
// and a feedback request sent when staff close a case preselect it. Import it by path.

/** The feedback form's `service` answer for a form id; a form not listed is `other`. */
const SERVICE_OF_FORM: Record<string, string> = {
  registration: 'integrationPlan',
  guidance: 'guidance',
  orientation: 'orientation',
  hobby: 'hobby',
};

export function feedbackService(formId: string): string {
  return Object.hasOwn(SERVICE_OF_FORM, formId) ? SERVICE_OF_FORM[formId]! : 'other';
}
