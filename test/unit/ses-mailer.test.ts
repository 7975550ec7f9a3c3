import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/src/domain/mailer.js';
import { SesMailer, type SesClient } from '../../functions/src/adapters/ses-mailer.js';

/** An SES client double that records each command and answers with a fixed result or error. */
class RecordingSesClient implements SesClient {
  readonly commands: SendEmailCommand[] = [];
  constructor(private readonly answer: { MessageId?: string } | Error = { MessageId: 'ses-0001' }) {}

  async send(command: SendEmailCommand): Promise<{ MessageId?: string }> {
    this.commands.push(command);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: 'lomakkeet@heinola.example',
    to: ['ohjaus@heinola.example', 'kotouttaminen@heinola.example'],
    subject: 'Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)',
    text: 'Uusi ilmoitus saapui.\nViite: HEI-7KQ4-M2X9 – äöå',
    html: '<p>Uusi ilmoitus saapui. Viite: <strong>HEI-7KQ4-M2X9</strong> – äöå</p>',
    headers: { 'X-Koto-Reference': 'HEI-7KQ4-M2X9' },
    ...overrides,
  };
}

describe('SesMailer', () => {
  it('sends one SendEmailCommand with the sender, recipients and configuration set', async () => {
    const client = new RecordingSesClient();
    await new SesMailer(client, 'koto-notifications').send(mail());

    expect(client.commands).toHaveLength(1);
    const [command] = client.commands;
    expect(command).toBeInstanceOf(SendEmailCommand);
    expect(command!.input).toMatchObject({
      FromEmailAddress: 'lomakkeet@heinola.example',
      Destination: { ToAddresses: ['ohjaus@heinola.example', 'kotouttaminen@heinola.example'] },
      ConfigurationSetName: 'koto-notifications',
    });
  });

  it('leaves the configuration set out when none is given', async () => {
    const client = new RecordingSesClient();
    await new SesMailer(client).send(mail());

    expect(client.commands[0]!.input).not.toHaveProperty('ConfigurationSetName');
  });

  it('sends raw MIME that parses back into the same message', async () => {
    const client = new RecordingSesClient();
    const { messageId } = await new SesMailer(client).send(mail());

    const data = client.commands[0]!.input.Content?.Raw?.Data;
    expect(data).toBeInstanceOf(Uint8Array);
    const parsed = await simpleParser(Buffer.from(data!));
    expect(parsed.subject).toBe('Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)');
    expect(parsed.text?.trim()).toBe('Uusi ilmoitus saapui.\nViite: HEI-7KQ4-M2X9 – äöå');
    expect(parsed.html).toBe('<p>Uusi ilmoitus saapui. Viite: <strong>HEI-7KQ4-M2X9</strong> – äöå</p>');
    expect(parsed.headers.get('x-koto-reference')).toBe('HEI-7KQ4-M2X9');
    expect(messageId).toBe('ses-0001');
  });

  it('falls back to the Message-ID header when SES returns no id', async () => {
    const client = new RecordingSesClient({});
    const { messageId } = await new SesMailer(client).send(mail());

    const parsed = await simpleParser(Buffer.from(client.commands[0]!.input.Content!.Raw!.Data!));
    expect(messageId).toBe(parsed.messageId);
  });

  it('rejects with the client error so the caller can retry', async () => {
    const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
    const client = new RecordingSesClient(throttled);

    await expect(new SesMailer(client).send(mail())).rejects.toBe(throttled);
  });
});
