import type { OutgoingSms, SmsSender } from '../../functions/src/domain/sms.js';

/** An SmsSender double that records what it was asked to send and can be told to fail. */
export class RecordingSms implements SmsSender {
  readonly sent: OutgoingSms[] = [];
  failWith: Error | undefined;

  async send(sms: OutgoingSms): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(sms);
    return { messageId: `sms-${this.sent.length}` };
  }
}
