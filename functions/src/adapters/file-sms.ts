import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutgoingSms, SmsSender } from '../domain/sms.js';

/** One message in the local SMS outbox. */
export interface SmsOutboxEntry extends OutgoingSms {
  file: string;
  sentAt: string;
}

/**
 * The local stand-in for an SMS gateway (none runs here): each message is a JSON file in `dir`, listed at
 * `/dev/mail` beside the mail outbox. The same port as `AwsSmsSender`.
 */
export class FileSmsOutbox implements SmsSender {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(sms: OutgoingSms): Promise<{ messageId: string }> {
    await mkdir(this.dir, { recursive: true });
    const sentAt = this.now().toISOString();
    const file = `${sentAt.replace(/[:.]/g, '-')}-${sms.reference}-${Math.random().toString(36).slice(2, 8)}.json`;
    await writeFile(join(this.dir, file), `${JSON.stringify({ ...sms, sentAt }, null, 2)}\n`, { flag: 'wx' });
    return { messageId: file };
  }
}

/** The local SMS outbox, newest first. */
export async function listSmsOutbox(dir: string): Promise<SmsOutboxEntry[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const entries = await Promise.all(
    files.map(async (file) => ({ ...(JSON.parse(await readFile(join(dir, file), 'utf8')) as OutgoingSms & { sentAt: string }), file })),
  );
  return entries.sort((a, b) => b.file.localeCompare(a.file));
}

/** Deletes the text messages `expired` picks (by the submission each is about and when it was sent); returns how many went. */
export async function sweepSmsOutbox(
  dir: string,
  expired: (message: { reference: string; writtenAt: Date }) => Promise<boolean>,
): Promise<number> {
  let deleted = 0;
  for (const entry of await listSmsOutbox(dir)) {
    if (!(await expired({ reference: entry.reference, writtenAt: new Date(entry.sentAt) }))) continue;
    await unlink(join(dir, entry.file));
    deleted++;
  }
  return deleted;
}
