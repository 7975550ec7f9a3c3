import {
  fill,
  type ConfirmationChannel,
  type FormDefinition,
  type MailTexts,
  type Municipality,
  type Translator,
} from '../../../schemas/src/index.js';
import type { OutgoingMail } from './mailer.js';
import { toE164 } from './phone-number.js';
import type { OutgoingSms } from './sms.js';
import type { Submission } from './submission.js';

/** Marks the resident's confirmations in `notification.sentTo`, beside the staff mailboxes. */
export const RESIDENT_RECIPIENT = 'resident';
export const RESIDENT_SMS_RECIPIENT = 'resident-sms';

type Answers = Submission['answers'];

/** The resident's own address: the first answered of the form's `contactEmail` questions (contact, or "email me a receipt"). */
export function residentEmail(form: FormDefinition, answers: Answers): string | undefined {
  for (const field of form.meta.roles.contactEmail ?? []) {
    const value = answers[field];
    if (typeof value === 'string' && value.includes('@')) return value;
  }
  return undefined;
}

/** The resident's phone number in E.164: the answer to the form's `phone` question. */
export function residentPhone(form: FormDefinition, answers: Answers): string | undefined {
  const field = form.meta.roles.phone;
  const value = field === undefined ? undefined : answers[field];
  return typeof value === 'string' ? toE164(value) : undefined;
}

/** The ways a submission's resident gets a confirmation: email when they gave one, SMS when they gave a phone and the town sends SMS. */
export function confirmationChannels(form: FormDefinition, municipality: Municipality, answers: Answers): ConfirmationChannel[] {
  return [
    ...(residentEmail(form, answers) ? (['email'] as const) : []),
    ...(municipality.sms?.enabled && residentPhone(form, answers) ? (['sms'] as const) : []),
  ];
}

function confirmationVars(form: FormDefinition, municipality: Municipality, submission: Submission, vars: Record<string, string>) {
  const texts = form.texts[submission.lang] ?? form.texts.fi!;
  return {
    reference: submission.reference,
    form: fill(texts.title, vars, submission.lang),
    next: fill(texts.next, vars, submission.lang),
    municipality: municipality.name,
    phone: municipality.contact.phone,
    email: municipality.contact.email,
  };
}

/**
 * The confirmation mail a resident gets in their language when they gave an email address: the reference, what
 * happens next for this form in this town, and the municipality's contact. It never echoes their answers.
 * `vars` are the town's texts in the resident's language (`FormRegistry.vars`).
 */
export function residentConfirmation(
  form: FormDefinition,
  municipality: Municipality,
  submission: Submission,
  texts: Translator,
  from: string,
  vars: Record<string, string> = {},
): OutgoingMail | undefined {
  const to = residentEmail(form, submission.answers);
  if (!to) return undefined;
  const values = confirmationVars(form, municipality, submission, vars);
  const t = (key: keyof MailTexts) => texts.t(key, values) ?? '';
  return {
    from,
    to: [to],
    subject: t('subject'),
    text: [t('greeting'), t('received'), '', t('reference'), '', values.next, '', t('contact'), '', t('noReply')].join('\n'),
    headers: { 'X-Koto-Reference': submission.reference, 'Content-Language': submission.lang, 'Auto-Submitted': 'auto-generated' },
  };
}

/** The SMS confirmation: the reference, what happens next and the town's phone, when the town sends SMS and a phone was given. */
export function residentSms(
  form: FormDefinition,
  municipality: Municipality,
  submission: Submission,
  texts: Translator,
  vars: Record<string, string> = {},
): OutgoingSms | undefined {
  const to = municipality.sms?.enabled ? residentPhone(form, submission.answers) : undefined;
  if (!to) return undefined;
  return { to, text: texts.t('sms', confirmationVars(form, municipality, submission, vars)) ?? '', reference: submission.reference };
}
