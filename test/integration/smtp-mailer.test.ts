import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/src/domain/mailer.js';
import { SmtpMailer } from '../../functions/src/adapters/smtp-mailer.js';

interface Delivery {
  raw: Buffer;
  envelope: SMTPServerEnvelope;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A local relay without TLS; resolves `delivered` with the first message it accepts. */
async function startRelay(options: Partial<SMTPServerOptions> = {}) {
  let deliver!: (delivery: Delivery) => void;
  const delivered = new Promise<Delivery>((resolve) => (deliver = resolve));
  const relay = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      // The session is reused for the next transaction, so keep a copy of this envelope.
      const envelope = structuredClone(session.envelope);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        deliver({ raw: Buffer.concat(chunks), envelope });
        callback();
      });
    },
    ...options,
  });
  const port = await listen(relay.server);
  cleanups.push(() => new Promise<void>((resolve) => relay.close(() => resolve())));
  return { port, delivered };
}

/** A TCP server that accepts connections and never says a word, like a hung relay. */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  const port = await listen(server);
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return port;
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: 'lomakkeet@heinola.example',
    to: ['ohjaus@heinola.example', 'kotouttaminen@heinola.example'],
    subject: 'Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)',
    text: 'Uusi ilmoitus saapui. Viite: HEI-7KQ4-M2X9',
    html: '<p>Uusi ilmoitus saapui. Viite: <strong>HEI-7KQ4-M2X9</strong></p>',
    headers: { 'X-Koto-Reference': 'HEI-7KQ4-M2X9' },
    ...overrides,
  };
}

describe('SmtpMailer', () => {
  it('delivers the message to the relay, logging in with the credentials in the URL', async () => {
    const logins: string[] = [];
    const { port, delivered } = await startRelay({
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        callback(null, { user: auth.username });
      },
    });

    const { messageId } = await new SmtpMailer(`smtp://koto:s3cret@127.0.0.1:${port}`).send(mail());

    const { raw, envelope } = await delivered;
    expect(logins).toEqual(['koto:s3cret']);
    expect(envelope.mailFrom).toMatchObject({ address: 'lomakkeet@heinola.example' });
    expect(envelope.rcptTo.map((r) => r.address)).toEqual(['ohjaus@heinola.example', 'kotouttaminen@heinola.example']);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)');
    expect([parsed.to].flat().flatMap((list) => list?.value.map((a) => a.address))).toEqual([
      'ohjaus@heinola.example',
      'kotouttaminen@heinola.example',
    ]);
    expect(parsed.text?.trim()).toBe('Uusi ilmoitus saapui. Viite: HEI-7KQ4-M2X9');
    expect(parsed.html).toBe('<p>Uusi ilmoitus saapui. Viite: <strong>HEI-7KQ4-M2X9</strong></p>');
    expect(parsed.headers.get('x-koto-reference')).toBe('HEI-7KQ4-M2X9');
    expect(parsed.messageId).toBe(messageId);
  });

  it('rejects when the relay refuses the message, so the notifier can retry', async () => {
    const { port } = await startRelay({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
      },
    });

    await expect(new SmtpMailer(`smtp://127.0.0.1:${port}`).send(mail())).rejects.toMatchObject({ responseCode: 451 });
  });

  it('rejects when the relay refuses every recipient', async () => {
    const { port } = await startRelay({
      onRcptTo(_address, _session, callback) {
        callback(new Error('No such mailbox'));
      },
    });

    await expect(new SmtpMailer(`smtp://127.0.0.1:${port}`).send(mail())).rejects.toMatchObject({ code: 'EENVELOPE' });
  });

  it('rejects when nothing listens on the port', async () => {
    const port = await closedPort();

    await expect(new SmtpMailer(`smtp://127.0.0.1:${port}`, { timeoutMs: 2_000 }).send(mail())).rejects.toThrow(/ECONNREFUSED/);
  });

  it('gives up on a relay that accepts the connection but never greets', async () => {
    const port = await startSilentServer();
    const started = Date.now();

    await expect(new SmtpMailer(`smtp://127.0.0.1:${port}`, { timeoutMs: 300 }).send(mail())).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    // The 300 ms given, not the mailer's default of 10 s, ended it; no tighter bound, so a busy machine cannot fail it.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => new SmtpMailer('direct://mx.example')).toThrow(/smtp:\/\//);
  });
});
