import { interpolate, type FormDefinition, type MailTexts, type Municipality } from '../../../schemas/src/index.js';
import type { OutgoingMail } from './mailer.js';
import type { Submission } from './submission.js';

/** Marks the resident's confirmation in `notification.sentTo`, beside the staff mailboxes. */
export const RESIDENT_RECIPIENT = 'resident';

/** The address the resident gave, if the form asks for one (the field with `format: email`). */
export function residentEmail(form: FormDefinition, submission: Submission): string | undefined {
  const field = Object.entries(form.schema.properties ?? {}).find(([, s]) => s['format'] === 'email')?.[0];
  const value = field ? submission.answers[field] : undefined;
  return typeof value === 'string' && value.includes('@') ? value : undefined;
}

/**
 * The confirmation a resident gets in their language when they gave an email address: the reference, what
 * happens next and the municipality's contact. It never echoes their answers.
 */
export function residentConfirmation(
  form: FormDefinition,
  municipality: Municipality,
  submission: Submission,
  texts: MailTexts,
  from: string,
): OutgoingMail | undefined {
  const to = residentEmail(form, submission);
  if (!to) return undefined;
  const vars = {
    reference: submission.reference,
    form: form.texts[submission.lang]?.title ?? form.texts.fi?.title ?? form.id,
    municipality: municipality.name,
    phone: municipality.contact.phone,
    email: municipality.contact.email,
  };
  const t = (key: keyof MailTexts) => interpolate(texts[key], vars);
  return {
    from,
    to: [to],
    subject: t('subject'),
    text: [t('greeting'), t('received'), '', t('reference'), '', t('next'), '', t('contact'), '', t('noReply')].join('\n'),
    headers: { 'X-Koto-Reference': submission.reference, 'Content-Language': submission.lang, 'Auto-Submitted': 'auto-generated' },
  };
}
