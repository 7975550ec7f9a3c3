import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { describe, expect, it } from 'vitest';
import { AwsSmsSender, type SmsClient } from '../../functions/src/adapters/aws-sms-sender.js';
import { FileSmsOutbox, listSmsOutbox } from '../../functions/src/adapters/file-sms.js';
import type { OutgoingSms } from '../../functions/src/domain/sms.js';

/** An End User Messaging SMS client double that records each command and answers with a fixed result or error. */
class RecordingSmsClient implements SmsClient {
  readonly commands: SendTextMessageCommand[] = [];
  constructor(private readonly answer: { MessageId?: string } | Error = { MessageId: 'sms-0001' }) {}

  async send(command: SendTextMessageCommand): Promise<{ MessageId?: string }> {
    this.commands.push(command);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

const sms = (overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({
  to: '+358401234567',
  text: 'بلدية Heinola: وصلنا نموذجك. الرقم المرجعي HEI-7KQ4-M2X9.',
  reference: 'HEI-7KQ4-M2X9',
  ...overrides,
});

describe('AwsSmsSender', () => {
  it('sends one transactional SendTextMessage to the number, from the origination identity, through the configuration set', async () => {
    const client = new RecordingSmsClient();
    const result = await new AwsSmsSender(client, { originationIdentity: 'Heinola', configurationSetName: 'koto-sms' }).send(sms());
    expect(result).toEqual({ messageId: 'sms-0001' });
    expect(client.commands).toHaveLength(1);
    expect(client.commands[0]).toBeInstanceOf(SendTextMessageCommand);
    expect(client.commands[0]!.input).toEqual({
      DestinationPhoneNumber: '+358401234567',
      MessageBody: sms().text,
      MessageType: 'TRANSACTIONAL',
      OriginationIdentity: 'Heinola',
      ConfigurationSetName: 'koto-sms',
      Context: { reference: 'HEI-7KQ4-M2X9' },
    });
  });

  it('leaves out what is not configured', async () => {
    const client = new RecordingSmsClient();
    await new AwsSmsSender(client).send(sms());
    expect(client.commands[0]!.input).not.toHaveProperty('OriginationIdentity');
    expect(client.commands[0]!.input).not.toHaveProperty('ConfigurationSetName');
  });

  it('throws when the service refuses or accepts nothing, so the notifier retries', async () => {
    await expect(new AwsSmsSender(new RecordingSmsClient(new Error('ThrottlingException'))).send(sms())).rejects.toThrow(
      'ThrottlingException',
    );
    await expect(new AwsSmsSender(new RecordingSmsClient({})).send(sms())).rejects.toThrow(/not accepted/);
  });
});

describe('FileSmsOutbox', () => {
  it('keeps each message as a file, listed newest first', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'koto-sms-')), 'sms');
    let now = new Date('2026-12-01T10:00:00Z');
    const outbox = new FileSmsOutbox(dir, () => now);
    await outbox.send(sms({ reference: 'HEI-AAAA-AAAA' }));
    now = new Date('2026-12-01T10:05:00Z');
    await outbox.send(sms({ reference: 'HEI-BBBB-BBBB', text: 'Heinola: lomakkeesi on vastaanotettu.' }));
    const listed = await listSmsOutbox(dir);
    expect(listed.map((s) => [s.reference, s.to, s.sentAt])).toEqual([
      ['HEI-BBBB-BBBB', '+358401234567', '2026-12-01T10:05:00.000Z'],
      ['HEI-AAAA-AAAA', '+358401234567', '2026-12-01T10:00:00.000Z'],
    ]);
    expect(listed[0]!.text).toBe('Heinola: lomakkeesi on vastaanotettu.');
  });

  it('lists nothing before the first message', async () => {
    expect(await listSmsOutbox(join(tmpdir(), 'koto-no-such-dir'))).toEqual([]);
  });
});
