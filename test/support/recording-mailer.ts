import type { Mailer, OutgoingMail } from '../../functions/src/domain/mailer.js';

/** A Mailer double that records what it was asked to send and can be told to fail. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  failWith: Error | undefined;

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(mail);
    return { messageId: `<${this.sent.length}@test>` };
  }
}
