import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Mailer, OutgoingMail } from '../domain/mailer.js';
import type { Clock } from '../domain/ports.js';
import { buildMime } from './mime.js';

/** One message in the outbox, as listed on the local mail page. */
export interface OutboxEntry {
  file: string;
  subject: string;
  to: string[];
  date: Date;
}

/** Thrown for a name that is not an outbox message, whether malformed or missing. */
export class UnknownOutboxMessage extends Error {
  constructor(file: string) {
    super(`no outbox message ${JSON.stringify(file)}`);
    this.name = 'UnknownOutboxMessage';
  }
}

// ISO 8601 basic format (no colons, which Windows forbids in names); sorts by time as text.
const MESSAGE_FILE = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}\.eml$/;

function messageFileName(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '')}-${randomBytes(6).toString('hex')}.eml`;
}

function writtenAt(file: string): Date {
  const basic = file.slice(0, file.indexOf('Z') + 1);
  return new Date(basic.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/, '$1-$2-$3T$4:$5:'));
}

/** Writes each message as an `.eml` file into a local outbox directory instead of sending it. */
export class FileMailer implements Mailer {
  private readonly dir: string;
  private readonly clock: Clock;

  constructor(dir: string, clock: Clock = { now: () => new Date() }) {
    this.dir = dir;
    this.clock = clock;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const at = this.clock.now();
    const { raw, messageId } = await buildMime(mail, at);
    const file = messageFileName(at);
    await mkdir(this.dir, { recursive: true });
    // Written under a hidden name first: the rename is atomic, so a reader never sees half a message.
    const temp = join(this.dir, `.${file}.tmp`);
    await writeFile(temp, raw, { flag: 'wx' });
    await rename(temp, join(this.dir, file));
    return { messageId };
  }
}

/** Lists the outbox messages newest first; an outbox not created yet is empty. */
export async function listOutbox(dir: string): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const files = names
    .filter((name) => MESSAGE_FILE.test(name))
    .sort()
    .reverse();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(join(dir, file)), {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipImageLinks: true,
      });
      const to = [parsed.to ?? []].flat().flatMap((list) => list.value.flatMap((a) => (a.address ? [a.address] : [])));
      return { file, subject: parsed.subject ?? '', to, date: parsed.date ?? writtenAt(file) };
    }),
  );
}

/** Reads one outbox message as raw text; only names the outbox itself writes are accepted. */
export async function readOutboxMessage(dir: string, file: string): Promise<string> {
  if (!MESSAGE_FILE.test(file)) throw new UnknownOutboxMessage(file);
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UnknownOutboxMessage(file);
    throw e;
  }
}

/** What the sweep knows of an outbox message: the submission it is about (`X-Koto-Reference`), if any, and when it was written. */
export interface OutboxMessage {
  reference?: string;
  writtenAt: Date;
}

/** The `X-Koto-Reference` of a raw message, read from its header block only. */
function messageReference(raw: string): string | undefined {
  const end = raw.search(/\r?\n\r?\n/);
  return /^X-Koto-Reference:[ \t]*(\S+)/im.exec(end < 0 ? raw : raw.slice(0, end))?.[1];
}

/** Deletes the outbox messages `expired` picks; returns how many went. An outbox not created yet has none. */
export async function sweepOutbox(dir: string, expired: (message: OutboxMessage) => Promise<boolean>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let deleted = 0;
  for (const file of names.filter((name) => MESSAGE_FILE.test(name))) {
    const path = join(dir, file);
    const reference = messageReference(await readFile(path, 'utf8'));
    if (!(await expired({ ...(reference ? { reference } : {}), writtenAt: writtenAt(file) }))) continue;
    await unlink(path);
    deleted++;
  }
  return deleted;
}
