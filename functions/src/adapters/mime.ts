import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../domain/mailer.js';

/** Builds the RFC 5322 message for `mail` (multipart/alternative when it has HTML) and its Message-ID. */
export async function buildMime(mail: OutgoingMail, date: Date = new Date()): Promise<{ raw: Buffer; messageId: string }> {
  const root = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    date,
    newline: 'win',
    // Content comes from form answers; never let a string be read as a file path or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  const messageId = root.messageId();
  return { raw: await root.build(), messageId };
}
