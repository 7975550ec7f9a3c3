import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileMailer } from '../../functions/src/adapters/file-mailer.js';
import { FileSmsOutbox } from '../../functions/src/adapters/file-sms.js';
import { sweepLocalOutboxes } from '../../functions/src/entry/local/outbox-retention.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

const DAY = 86_400_000;

describe('the local outboxes under the retention', () => {
  it('keep a message about a submission as long as the store keeps it, and any other a week', async () => {
    const t = await buildTestApp();
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    expect(res.status).toBe(201);
    const reference = ((await res.json()) as { reference: string }).reference;
    const expiresAt = (await t.deps.app.store.getSubmission(reference, t.clock.now()))!.expiresAt;
    const dirs = { mail: await mkdtemp(join(tmpdir(), 'koto-mail-')), sms: await mkdtemp(join(tmpdir(), 'koto-sms-')) };
    const mailer = new FileMailer(dirs.mail, t.clock);
    const base = { from: 'no-reply@koto.local', to: ['kotoutumisohjaaja@heinola.fi'], html: '<p>x</p>' };
    await mailer.send({
      ...base,
      subject: `Uusi ilmoitus ${reference}`,
      text: 'Olena Kovalenko',
      headers: { 'X-Koto-Reference': reference },
    });
    await mailer.send({ ...base, subject: 'Kirjautumislinkki', text: 'https://koto.local/auth/verify?token=x' });
    await new FileSmsOutbox(dirs.sms, () => t.clock.now()).send({ to: '+358401234567', text: 'Kiitos', reference });
    const left = async () => [...(await readdir(dirs.mail)), ...(await readdir(dirs.sms))].length;

    const sweep = () => sweepLocalOutboxes(t.deps.app.store, dirs, t.clock.now());
    expect(await sweep()).toBe(0);
    expect(await left()).toBe(3);
    t.clock.advance(8 * DAY);
    // The sign-in mail (about no submission) is past its week; the rest live with the submission.
    expect(await sweep()).toBe(1);
    expect(await readdir(dirs.mail)).toHaveLength(1);
    t.clock.current = new Date(expiresAt * 1000 - 1000);
    expect(await sweep()).toBe(0);
    t.clock.current = new Date(expiresAt * 1000 + 1000);
    // Expired in the store (swept or not): its mail and its text go too.
    expect(await sweep()).toBe(2);
    expect(await left()).toBe(0);
  });

  it('sweep an outbox not created yet as empty', async () => {
    const t = await buildTestApp();
    const none = join(tmpdir(), `koto-none-${process.pid}-${Date.now()}`);
    expect(await sweepLocalOutboxes(t.deps.app.store, { mail: none, sms: none }, t.clock.now())).toBe(0);
  });
});
