import {
  answerLine,
  languageNameFi,
  showFormAnswer,
  type FormDefinition,
  type LocalizedForm,
  type Municipality,
} from '../../../schemas/src/index.js';
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

/** The lines a staff email may show: only the form's email-safe fields, with Finnish labels (`fi`), as the kit shows answers. */
export function safeSummary(form: FormDefinition, fi: LocalizedForm, submission: Submission, yesNo: [string, string]): [string, string][] {
  return form.meta.emailSafeFields
    .filter((field) => submission.answers[field] !== undefined)
    .map((field) => [
      fi.schema.properties?.[field]?.title ?? field,
      answerLine(showFormAnswer(fi, field, submission.answers[field], yesNo)),
    ]);
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
  opts: { links: StaffLinks; fi: LocalizedForm; yesNo: [string, string] },
): MailContent {
  const { links } = opts;
  const title = form.texts.fi?.title ?? form.id;
  const received = new Intl.DateTimeFormat('fi-FI', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(
    new Date(submission.submittedAt),
  );
  const rows: [string, string][] = [
    ['Lomake', title],
    ['Kunta', municipality.name],
    ['Asiointitunnus', submission.reference],
    ['Vastaanotettu', received],
    ['Asiakkaan kieli', languageNameFi(submission.lang)],
    ...safeSummary(form, opts.fi, submission, opts.yesNo),
  ];
  const text = [
    `Uusi lomake on saapunut: ${title}.`,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    `Avaa (kirjautuminen vaaditaan): ${links.open}`,
    `Ota käsittelyyn: ${links.claim}`,
    `Merkitse valmiiksi: ${links.done}`,
    `Toimintolinkit ovat voimassa ${LINK_DAYS} päivää.`,
    '',
    'Tässä viestissä ei ole henkilötietoja. Vastaukset näet kirjautumalla.',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="fi"><body>',
    `<p>Uusi lomake on saapunut: <strong>${escapeHtml(title)}</strong>.</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th scope="row" align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(links.open)}">Avaa</a> (kirjautuminen vaaditaan) · <a href="${escapeHtml(links.claim)}">Ota käsittelyyn</a> · <a href="${escapeHtml(links.done)}">Merkitse valmiiksi</a></p>`,
    `<p>Toimintolinkit ovat voimassa ${LINK_DAYS} päivää.</p>`,
    '<p>Tässä viestissä ei ole henkilötietoja. Vastaukset näet kirjautumalla.</p>',
    '</body></html>',
  ].join('\n');
  return {
    subject: `Uusi lomake: ${title} – ${municipality.name} – ${submission.reference}`,
    text,
    html,
    headers: { 'X-Koto-Reference': submission.reference },
  };
}
