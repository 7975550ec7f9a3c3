import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../functions/src/domain/ports.js';
import type { OutgoingMail } from '../../functions/src/domain/mailer.js';
import { FileMailer, UnknownOutboxMessage, listOutbox, readOutboxMessage } from '../../functions/src/adapters/file-mailer.js';

/** A clock that answers the given instants in turn. */
function clockAt(...instants: string[]): Clock {
  const queue = instants.map((iso) => new Date(iso));
  return { now: () => queue.shift() ?? new Date() };
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: 'lomakkeet@heinola.example',
    to: ['ohjaus@heinola.example'],
    subject: 'Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)',
    text: 'Uusi ilmoitus saapui.',
    html: '<p>Uusi ilmoitus saapui.</p>',
    ...overrides,
  };
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'koto-outbox-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('FileMailer and the outbox', () => {
  it('lists the messages newest first with their subjects, recipients and dates', async () => {
    const outbox = join(root, 'outbox');
    const mailer = new FileMailer(outbox, clockAt('2026-03-02T08:30:00.000Z', '2026-03-02T08:31:00.000Z'));
    await mailer.send(mail({ subject: 'Ensimmäinen – Первое' }));
    await mailer.send(mail({ subject: 'Toinen – الثاني', to: ['neuvonta@orimattila.example', 'ohjaus@heinola.example'] }));

    const entries = await listOutbox(outbox);

    expect(entries.map(({ subject, to, date }) => ({ subject, to, date: date.toISOString() }))).toEqual([
      { subject: 'Toinen – الثاني', to: ['neuvonta@orimattila.example', 'ohjaus@heinola.example'], date: '2026-03-02T08:31:00.000Z' },
      { subject: 'Ensimmäinen – Первое', to: ['ohjaus@heinola.example'], date: '2026-03-02T08:30:00.000Z' },
    ]);
    expect(entries[0]!.file).toMatch(/^20260302T083100\.000Z-[0-9a-f]{12}\.eml$/);
  });

  it('writes a complete .eml that parses back into the message sent', async () => {
    const { messageId } = await new FileMailer(root).send(mail({ headers: { 'X-Koto-Reference': 'HEI-7KQ4-M2X9' } }));
    const [entry] = await listOutbox(root);

    const parsed = await simpleParser(await readOutboxMessage(root, entry!.file));
    expect(parsed.subject).toBe('Uusi ilmoitus: Ohjaus – HEI-7KQ4-M2X9 (русский)');
    expect(parsed.text?.trim()).toBe('Uusi ilmoitus saapui.');
    expect(parsed.html).toBe('<p>Uusi ilmoitus saapui.</p>');
    expect(parsed.headers.get('x-koto-reference')).toBe('HEI-7KQ4-M2X9');
    expect(parsed.messageId).toBe(messageId);
  });

  it('leaves only finished messages in the outbox and lists nothing else', async () => {
    await new FileMailer(root).send(mail());
    await writeFile(join(root, 'notes.txt'), 'not mail');

    const names = await readdir(root);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await listOutbox(root)).toHaveLength(1);
  });

  it('lists an outbox that does not exist yet as empty', async () => {
    expect(await listOutbox(join(root, 'never-written'))).toEqual([]);
  });

  describe('reading a message by name', () => {
    const stray = '20260302T083000.000Z-0123456789ab.eml';

    // Real files sit just outside the outbox, so only the name check stands between them and the caller.
    beforeEach(async () => {
      await new FileMailer(join(root, 'outbox')).send(mail());
      await writeFile(join(root, 'secret.txt'), 'secret');
      await writeFile(join(root, stray), 'secret');
      await writeFile(join(root, 'outbox', 'notes.txt'), 'not mail');
    });

    it.each(['../secret.txt', `../${stray}`, `${stray}/../../secret.txt`, '..%2Fsecret.txt', 'notes.txt'])('refuses %j', async (file) => {
      await expect(readOutboxMessage(join(root, 'outbox'), file)).rejects.toBeInstanceOf(UnknownOutboxMessage);
    });

    it('refuses an absolute path', async () => {
      await expect(readOutboxMessage(join(root, 'outbox'), join(root, 'secret.txt'))).rejects.toBeInstanceOf(UnknownOutboxMessage);
    });

    it('reports a well-formed name that is not in the outbox as unknown', async () => {
      await expect(readOutboxMessage(join(root, 'outbox'), stray)).rejects.toBeInstanceOf(UnknownOutboxMessage);
    });
  });
});
