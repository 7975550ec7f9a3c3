import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingMail } from '../domain/mailer.js';
import { buildMime } from './mime.js';

/** The part of `SESv2Client` the mailer uses, so tests can pass a recording fake. */
export interface SesClient {
  send(command: SendEmailCommand): Promise<{ MessageId?: string | undefined }>;
}

/** Sends mail through Amazon SES v2 as a raw MIME message. */
export class SesMailer implements Mailer {
  private readonly client: SesClient;
  private readonly configurationSetName: string | undefined;

  constructor(client: SesClient, configurationSetName?: string) {
    this.client = client;
    this.configurationSetName = configurationSetName;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const { raw, messageId } = await buildMime(mail);
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: mail.to },
        Content: { Raw: { Data: raw } },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
    // SES replaces the Message-ID header with its own id, which is what bounce and delivery events carry.
    return { messageId: result.MessageId ?? messageId };
  }
}
