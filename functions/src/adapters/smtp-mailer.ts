import { createTransport, type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail } from '../domain/mailer.js';
import { buildMime } from './mime.js';

/** Sends mail through an SMTP relay given as `smtp://user:pass@host:587` or `smtps://...`. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  /** `timeoutMs` bounds connecting, the greeting and each idle socket wait, so a dead relay fails instead of hanging. */
  constructor(url: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}) {
    const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
    if (scheme !== 'smtp:' && scheme !== 'smtps:') throw new Error('SMTP URL must start with smtp:// or smtps://');
    this.transport = createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const { raw, messageId } = await buildMime(mail);
    await this.transport.sendMail({ envelope: { from: mail.from, to: mail.to }, raw });
    return { messageId };
  }
}
