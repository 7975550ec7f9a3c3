import { SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { OutgoingSms, SmsSender } from '../domain/sms.js';

/** The part of `PinpointSMSVoiceV2Client` the sender uses, so tests can pass a recording fake. */
export interface SmsClient {
  send(command: SendTextMessageCommand): Promise<{ MessageId?: string | undefined }>;
}

/**
 * Sends SMS through AWS End User Messaging SMS (the `pinpoint-sms-voice-v2` API): transactional messages from an
 * origination identity (a sender id such as "Heinola", or a phone pool) and, when given, a configuration set
 * whose events record delivery.
 */
export class AwsSmsSender implements SmsSender {
  constructor(
    private readonly client: SmsClient,
    private readonly options: { originationIdentity?: string; configurationSetName?: string } = {},
  ) {}

  async send(sms: OutgoingSms): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: sms.to,
        MessageBody: sms.text,
        MessageType: 'TRANSACTIONAL',
        ...(this.options.originationIdentity ? { OriginationIdentity: this.options.originationIdentity } : {}),
        ...(this.options.configurationSetName ? { ConfigurationSetName: this.options.configurationSetName } : {}),
        Context: { reference: sms.reference },
      }),
    );
    if (!result.MessageId) throw new Error('SMS was not accepted: no MessageId');
    return { messageId: result.MessageId };
  }
}
