import { answerLine, showFormAnswer, type FormDefinition, type LocalizedForm, type Municipality } from '../../../schemas/src/index.js';
import { staffFormTitle, staffLabel } from '../../../schemas/src/staff-label.js';
import type { StaffTexts } from '../../../schemas/src/staff-texts.js';
import type { MailContent } from './mailer.js';
import { LINK_DAYS } from './staff/action-link.js';
import type { Submission } from './submission.js';

/** Where a staff notification leads: the submission (after signing in) and its two actions, signed for one mailbox. */
export interface StaffLinks {
  open: string;
  claim: string;
  done: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The lines a staff email may show: only the form's email-safe fields, each under its staff label (`meta.staffLabels`,
 * "Yhteydenottotapa") or else its Finnish label (`fi`), the answer as the kit shows it.
 */
export function safeSummary(form: FormDefinition, fi: LocalizedForm, submission: Submission, yesNo: [string, string]): [string, string][] {
  return form.meta.emailSafeFields
    .filter((field) => submission.answers[field] !== undefined)
    .map((field) => [
      staffLabel(form.meta, field, fi.schema.properties?.[field]?.title),
      answerLine(showFormAnswer(fi, field, submission.answers[field], yesNo)),
    ]);
}

/** What a staff message is written with: the form in Finnish, the words for yes and no, and the staff's own texts. */
export interface StaffMailWords {
  fi: LocalizedForm;
  yesNo: [string, string];
  staff: StaffTexts;
}

/**
 * The notification staff read about a new submission, in Finnish, as text and HTML. It carries no personal data:
 * only fields the form marks safe for email (never free text), and links to read the rest after signing in.
 * Who receives it and how it is sent are not its concern (`staff-mailings.ts`, `notify-staff.ts`).
 */
export function staffNotification(
  form: FormDefinition,
  municipality: Municipality,
  submission: Submission,
  opts: StaffMailWords & { links: StaffLinks },
): MailContent {
  const { links, staff } = opts;
  const { t } = staff;
  const title = staffFormTitle(form);
  const received = new Intl.DateTimeFormat('fi-FI', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(
    new Date(submission.submittedAt),
  );
  const rows: [string, string][] = [
    [t('fields.form'), title],
    [t('fields.municipality'), municipality.name],
    [t('fields.reference'), submission.reference],
    [t('fields.receivedAt'), received],
    [t('fields.language'), staff.language(submission.lang)],
    ...safeSummary(form, opts.fi, submission, opts.yesNo),
  ];
  const [arrivedBefore, arrivedAfter] = staff.around('mail.arrived', 'form');
  const linkDays = t('mail.linkDays', { days: LINK_DAYS });
  const text = [
    t('mail.arrived', { form: title }),
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    `${t('mail.open')} ${t('mail.signInNeeded')}: ${links.open}`,
    `${t('actions.claim')}: ${links.claim}`,
    `${t('actions.done')}: ${links.done}`,
    linkDays,
    '',
    t('mail.noPersonalData'),
  ].join('\n');
  const link = (href: string, words: string) => `<a href="${escapeHtml(href)}">${escapeHtml(words)}</a>`;
  const html = [
    `<!doctype html><html lang="${staff.lang}"><body>`,
    `<p>${escapeHtml(arrivedBefore)}<strong>${escapeHtml(title)}</strong>${escapeHtml(arrivedAfter)}</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th scope="row" align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p>${link(links.open, t('mail.open'))} ${escapeHtml(t('mail.signInNeeded'))} · ${link(links.claim, t('actions.claim'))} · ${link(links.done, t('actions.done'))}</p>`,
    `<p>${escapeHtml(linkDays)}</p>`,
    `<p>${escapeHtml(t('mail.noPersonalData'))}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    subject: t('mail.subject', { form: title, municipality: municipality.name, reference: submission.reference }),
    text,
    html,
    headers: { 'X-Koto-Reference': submission.reference },
  };
}
