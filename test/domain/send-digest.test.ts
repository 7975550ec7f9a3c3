import { describe, expect, it } from 'vitest';
import { sendDailyDigest, sendDigest } from '../../functions/src/domain/staff/send-digest.js';
import { useDynalite } from '../support/dynamo.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { buildTestApp, catalog, guidanceAnswers, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

/** The guidance form's answers that are the resident's own words or numbers. */
const PERSONAL = ['fullName', 'latinName', 'birthYear', 'email', 'phone', 'message', 'topicOther', 'interpreterLanguageOther'];

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
    // What needs someone, each with a link to exactly those in the inbox; a count of none has no link.
    const inbox = 'http://localhost:3000/staff?';
    expect(mail.text).toContain(`  uusia yli 2 vrk: 1 – ${inbox}status=new&minAgeDays=2&form=guidance&municipality=heinola`);
    expect(mail.text).toContain(`  ilman käsittelijää: 2 – ${inbox}assignee=none&form=guidance&municipality=heinola`);
    expect(mail.text).toMatch(/^ {2}ilmoitus ei mennyt perille: 0$/m);
  });

  it('counts the submissions whose notification bounced, with a link to them', async () => {
    const t = await buildTestApp();
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    const { reference } = (await res.json()) as { reference: string };
    await t.deps.app.store.saveNotification(reference, { state: 'failed', attempts: 12, lastError: 'mailbox full' });
    await sendDigest(t.deps.notify);
    expect(t.mailer.sent[0]!.text).toContain(
      '  ilmoitus ei mennyt perille: 1 – http://localhost:3000/staff?notification=failed&form=guidance&municipality=heinola',
    );
    expect(t.mailer.sent[0]!.text).not.toContain('mailbox full');
  });

  it('holds no reference, name, email, phone or answer of any open submission, in any part of any mail', async () => {
    const t = await buildTestApp();
    const residents = [
      {
        municipality: 'heinola',
        answers: {
          fullName: 'Mariam Haddad',
          latinName: 'Mariam Haddad-Latin',
          contactWay: 'email',
          email: 'mariam.haddad@example.com',
          phone: '+358 50 765 4321',
          message: 'Vuokrasopimus päättyy',
          topics: ['other'],
          topicOther: 'Oma aihe tekstinä',
          interpreterLanguage: 'other',
          interpreterLanguageOther: 'kurdi-sorani',
          birthYear: 1987,
        },
      },
      {
        municipality: 'heinola',
        answers: {
          fullName: 'Ahmad Rahimi',
          latinName: 'Ahmad Rahimi-Latin',
          contactWay: 'sms',
          phone: '+358 44 246 8101',
          message: 'Soittakaa iltaisin',
          interpreterLanguage: 'other',
          interpreterLanguageOther: 'dari-tulkki',
        },
      },
      {
        municipality: 'orimattila',
        answers: {
          fullName: 'Somchai Srisuk',
          latinName: 'Somchai Srisuk-Latin',
          contactWay: 'email',
          email: 'somchai@example.org',
          message: 'Kysymys kielikurssista',
          interpreterNeeded: false,
          interpreterLanguage: undefined,
        },
      },
    ];
    const references: string[] = [];
    for (const { municipality, answers } of residents) {
      t.clock.advance(2 * 86_400_000);
      const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }, answers));
      expect(res.status).toBe(201);
      references.push(((await res.json()) as { reference: string }).reference);
    }
    // One is in progress, assigned to a named member: the assignee is not for the digest either.
    await t.deps.app.store.updateSubmission(
      references[1]!,
      1,
      { status: 'in_progress', assignee: 'staff.heinola@koto.local', history: [], at: t.clock.now().toISOString() },
      t.clock.now(),
    );
    expect(await sendDigest(t.deps.notify)).toBeGreaterThanOrEqual(3);
    expect(new Set(t.mailer.sent.map((m) => m.to[0]!.split('@')[1]))).toEqual(new Set(['heinola.fi', 'orimattila.fi']));
    const secrets = [
      ...references,
      ...references.map((r) => r.slice(4)),
      'staff.heinola@koto.local',
      // Everything the resident typed (with the defaults the builder fills in), not the choices from a list.
      ...residents.flatMap(({ answers }) =>
        PERSONAL.map((field) => guidanceAnswers(answers)[field])
          .filter((v) => v !== undefined)
          .map(String),
      ),
    ];
    expect(secrets).toEqual(expect.arrayContaining(['mariam.haddad@example.com', '1987', '+358 40 123 4567', 'Somchai Srisuk']));
    for (const mail of t.mailer.sent) {
      // The whole message as sent: subject, text, any HTML part and headers.
      const whole = JSON.stringify(mail);
      for (const secret of secrets) expect(whole, `${mail.to[0]}: ${secret}`).not.toContain(secret);
      expect(mail.text).toMatch(/Ohjaus ja neuvonta \(\d avointa\)/);
    }
  });

  it('mails the mailbox that was notified, also for a form with no routing entry of its own and no default', async () => {
    const routed = structuredClone(catalog);
    const heinola = routed.municipalities.find((m) => m.id === 'heinola')!;
    heinola.routing = { registration: ['maahanmuuttokoordinaattori@heinola.fi'] };
    const t = await buildTestApp({ catalog: routed });
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    await notifyStaff(t.deps.notify);
    const notified = t.mailer.sent.map((m) => m.to[0]);
    expect(notified).toContain(heinola.contact.email);
    expect(await sendDigest(t.deps.notify)).toBe(1);
    const digest = t.mailer.sent.at(-1)!;
    expect(digest.to).toEqual([heinola.contact.email]);
    expect(digest.text).toContain('Ohjaus ja neuvonta (1 avointa)');
  });

  it('on schedule, sends at 7 o’clock Helsinki time on a working day only, and once that day', async () => {
    const t = await buildTestApp();
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    // The test clock starts at 10:30 on Monday 2 March 2026 in Helsinki.
    expect(await sendDailyDigest(t.deps.notify)).toEqual({ skipped: 'not_due' });
    t.clock.current = new Date('2026-03-03T05:00:00Z'); // Tuesday, 7:00 (winter time)
    expect(await sendDailyDigest(t.deps.notify)).toEqual({ day: '2026-03-03', sent: 2 });
    t.clock.current = new Date('2026-03-03T05:30:00Z'); // a retry, or the other scheduler, the same hour
    expect(await sendDailyDigest(t.deps.notify)).toEqual({ skipped: 'already_sent' });
    expect(t.mailer.sent).toHaveLength(2);
    t.clock.current = new Date('2026-04-03T04:00:00Z'); // Good Friday, 7:00 (summer time)
    expect(await sendDailyDigest(t.deps.notify)).toEqual({ skipped: 'not_due' });
    t.clock.current = new Date('2026-04-07T04:00:00Z'); // the Tuesday after Easter, 7:00
    expect(await sendDailyDigest(t.deps.notify)).toEqual({ day: '2026-04-07', sent: 2 });
    expect(t.mailer.sent).toHaveLength(4);
  });

  it('sends nothing when nothing is open', async () => {
    const t = await buildTestApp();
    expect(await sendDigest(t.deps.notify)).toBe(0);
    expect(t.mailer.sent).toEqual([]);
  });
});
