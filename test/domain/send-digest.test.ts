import { describe, expect, it } from 'vitest';
import { sendDigest } from '../../functions/src/domain/staff/send-digest.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

describe('sendDigest', () => {
  it('mails each routed mailbox its open submissions by age and status, with nothing personal', async () => {
    const t = await buildTestApp();
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    t.clock.advance(4 * 86_400_000);
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    const { reference } = (await res.json()) as { reference: string };
    await t.deps.app.store.updateSubmission(reference, 1, { status: 'done', history: [], at: t.clock.now().toISOString() }, t.clock.now());
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());

    expect(await sendDigest(t.deps.notify)).toBe(2);
    expect(t.mailer.sent.map((m) => m.to[0]).sort()).toEqual(['kotoutumisohjaaja@heinola.fi', 'maahanmuuttokoordinaattori@heinola.fi']);
    const mail = t.mailer.sent[0]!;
    expect(mail.subject).toBe('Koto-lomakkeet: 2 avointa – Heinola – päivän kooste');
    expect(mail.text).toContain('Ohjaus ja neuvonta (2 avointa)');
    expect(mail.text).toContain('alle 1 vrk: 1, 1–3 vrk: 0, 3–7 vrk: 1, yli 7 vrk: 0');
    expect(mail.text).toContain('uusi: 2, käsittelyssä: 0, odottaa asiakasta: 0');
    expect(mail.text).not.toMatch(/Olena|Kovalenko|HEI-/);
  });

  it('sends nothing when nothing is open', async () => {
    const t = await buildTestApp();
    expect(await sendDigest(t.deps.notify)).toBe(0);
    expect(t.mailer.sent).toEqual([]);
  });
});
