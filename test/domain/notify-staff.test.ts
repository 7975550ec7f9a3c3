import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, backoffMs, notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, catalog, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

async function submitted(overrides: Parameters<typeof buildTestApp>[0] = {}) {
  const t = await buildTestApp(overrides);
  const res = await postJson(
    t.app,
    '/api/forms/guidance/submissions',
    guidanceBody({}, { message: 'Minulla on kysymys vuokrasta, puhelin 040 999 8888' }),
  );
  const { reference } = (await res.json()) as { reference: string };
  return { ...t, reference };
}

/** The link targets of an HTML part, in order, unescaped. */
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('notifyStaff', () => {
  it('mails each routed mailbox once, with its own action links, and marks the notification sent', async () => {
    const t = await submitted();
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 1, failed: 0 });
    expect(t.mailer.sent.map((m) => m.to)).toEqual([['kotoutumisohjaaja@heinola.fi'], ['maahanmuuttokoordinaattori@heinola.fi']]);
    const [first, second] = t.mailer.sent;
    expect(first!.subject).toBe(`Uusi lomake: Ohjaus ja neuvonta – Heinola – ${t.reference}`);
    const claim = (text: string) => /Ota käsittelyyn: (\S+)/.exec(text)?.[1];
    expect(claim(first!.text)).toMatch(/^http:\/\/localhost:3000\/a\/[\w-]+\.[\w-]+$/);
    expect(claim(first!.text)).not.toBe(claim(second!.text));
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 0 });
    expect(t.mailer.sent).toHaveLength(2);
    const stored = await t.deps.app.store.getSubmission(t.reference, t.clock.now());
    expect(stored?.notification).toEqual({
      state: 'sent',
      attempts: 1,
      sentAt: t.clock.now().toISOString(),
      sentTo: ['kotoutumisohjaaja@heinola.fi', 'maahanmuuttokoordinaattori@heinola.fi', 'resident-sms'],
    });
  });

  it('after a partial failure, retries only the mailboxes not yet mailed', async () => {
    const t = await submitted();
    let calls = 0;
    const send = t.mailer.send.bind(t.mailer);
    t.mailer.send = async (mail) => {
      if (++calls === 2) throw new Error('second mailbox refused');
      return send(mail);
    };
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 1 });
    t.clock.advance(backoffMs(1));
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 1, failed: 0 });
    expect(t.mailer.sent.map((m) => m.to[0])).toEqual(['kotoutumisohjaaja@heinola.fi', 'maahanmuuttokoordinaattori@heinola.fi']);
  });

  it('puts only email-safe fields in the mail: no name, phone, free text or interpreter language', async () => {
    const t = await submitted();
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent[0]!;
    expect(mail.html).toBeDefined();
    for (const part of [mail.text, mail.html!, mail.subject]) {
      expect(part).not.toContain('Olena');
      expect(part).not.toContain('Kovalenko');
      expect(part).not.toContain('123 4567');
      expect(part).not.toContain('vuokrasta');
      expect(part).not.toContain('040 999');
    }
    expect(mail.text).toContain('Aiheet: Asuminen, Kelan etuudet');
    expect(mail.text).toContain('Tarvitsee tulkin: Kyllä');
    expect(mail.text).toContain('Asiakkaan kieli: englanti');
    expect(mail.text).toContain(`http://localhost:3000/staff/submissions/${t.reference}`);
  });

  it('has an HTML part beside the text part, both with the reference and the same three links', async () => {
    const t = await submitted();
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent[0]!;
    expect(mail.html).toEqual(expect.stringContaining('<!doctype html>'));
    const html = mail.html!;
    const textLinks = [/Avaa \(kirjautuminen vaaditaan\): (\S+)/, /Ota käsittelyyn: (\S+)/, /Merkitse valmiiksi: (\S+)/].map(
      (line) => line.exec(mail.text)?.[1],
    );
    expect(textLinks).toEqual([
      `http://localhost:3000/staff/submissions/${t.reference}`,
      expect.stringMatching(/^http:\/\/localhost:3000\/a\//),
      expect.stringMatching(/^http:\/\/localhost:3000\/a\//),
    ]);
    expect(hrefs(html)).toEqual(textLinks);
    expect(textLinks[1]).not.toBe(textLinks[2]);
    for (const part of [mail.text, html]) expect(part).toContain(t.reference);
    expect(html).toContain(`<td>${t.reference}</td>`);
    expect(html).toContain('<td>Asuminen, Kelan etuudet</td>');
    expect(mail.headers).toMatchObject({ 'X-Koto-Reference': t.reference });
  });

  it('escapes in the HTML part what the form and the municipality call things', async () => {
    // Titles, labels and names come from schema files an admin edits: markup in them must stay text in the mail.
    const marked = structuredClone(catalog);
    const form = marked.forms.find((f) => f.id === 'guidance')!;
    form.texts.fi!.title = 'Ohjaus & neuvonta <b>"uusi"</b>';
    form.texts.fi!.fields['topics']!.options!['housing'] = "Asuminen <script>alert('x')</script>";
    marked.municipalities.find((m) => m.id === 'heinola')!.name = 'Heinola <i>kaupunki</i>';
    const t = await submitted({ catalog: marked });
    await notifyStaff(t.deps.notify);
    const html = t.mailer.sent[0]!.html!;
    expect(html).toContain('Ohjaus &amp; neuvonta &lt;b&gt;&quot;uusi&quot;&lt;/b&gt;');
    expect(html).toContain('Asuminen &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;, Kelan etuudet');
    expect(html).toContain('Heinola &lt;i&gt;kaupunki&lt;/i&gt;');
    for (const tag of ['<b>', '<script', '<i>']) expect(html).not.toContain(tag);
    expect(hrefs(html)).toHaveLength(3);
    // The text part is not HTML: it shows the words as they are, unescaped.
    expect(t.mailer.sent[0]!.text).toContain('Lomake: Ohjaus & neuvonta <b>"uusi"</b>');
  });

  it('holds no answer of a free-text field in either part, whatever the resident wrote', async () => {
    const form = catalog.forms.find((f) => f.id === 'guidance')!;
    const freeText = Object.entries(form.schema.properties ?? {})
      .filter(([, p]) => (p as { type?: string; enum?: unknown }).type === 'string' && !(p as { enum?: unknown }).enum)
      .map(([field]) => field);
    expect(freeText.sort()).toEqual([
      'email',
      'fullName',
      'interpreterLanguageOther',
      'latinName',
      'message',
      'phone',
      'receiptEmail',
      'topicOther',
    ]);
    expect(form.meta.emailSafeFields.filter((f) => freeText.includes(f))).toEqual([]);
    const answers = {
      topics: ['housing', 'other'],
      topicOther: 'Vuokranantajan riita',
      message: 'Kerron lisää puhelimessa',
      fullName: 'Mariam Haddad',
      latinName: 'Mariam Haddad-Latin',
      birthYear: 1987,
      contactWay: 'email',
      phone: '+358 50 765 4321',
      email: 'mariam.haddad@example.com',
      interpreterNeeded: true,
      interpreterLanguage: 'other',
      interpreterLanguageOther: 'kurdi-sorani',
    };
    const t = await buildTestApp();
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, answers));
    await notifyStaff(t.deps.notify);
    const staffMail = t.mailer.sent.filter((m) => m.to[0]!.endsWith('@heinola.fi'));
    expect(staffMail).toHaveLength(2);
    for (const mail of staffMail) {
      expect(mail.html).toBeDefined();
      for (const part of [mail.subject, mail.text, mail.html!, JSON.stringify(mail.headers)]) {
        for (const field of freeText) expect(part, field).not.toContain(String(answers[field as keyof typeof answers]));
        expect(part).not.toContain('1987');
      }
      // The safe fields are there, so the test would see an answer leak in the same place.
      expect(mail.text).toContain('Aiheet: Asuminen, Jokin muu');
      expect(mail.html).toContain('<td>Asuminen, Jokin muu</td>');
    }
  });

  it('keeps a failed notification with its attempt count and error, and retries it after a backoff', async () => {
    const t = await submitted();
    t.mailer.failWith = new Error('relay refused: 451 try later');
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 1 });
    let stored = await t.deps.app.store.getSubmission(t.reference, t.clock.now());
    expect(stored?.notification).toMatchObject({ state: 'pending', attempts: 1, lastError: 'relay refused: 451 try later' });
    expect(stored?.notification.dueAt).toBe(new Date(t.clock.now().getTime() + backoffMs(1)).toISOString());

    t.mailer.failWith = undefined;
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(backoffMs(1));
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 1, failed: 0 });
    stored = await t.deps.app.store.getSubmission(t.reference, t.clock.now());
    expect(stored?.notification).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('gives up after the last attempt and leaves the state failed for staff to see; the submission stays', async () => {
    const t = await submitted();
    t.mailer.failWith = new Error('mailbox unavailable');
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await notifyStaff(t.deps.notify);
      t.clock.advance(backoffMs(i));
    }
    const stored = await t.deps.app.store.getSubmission(t.reference, t.clock.now());
    expect(stored?.notification).toEqual({ state: 'failed', attempts: MAX_ATTEMPTS, lastError: 'mailbox unavailable' });
    expect(stored?.answers['fullName']).toBe('Olena Kovalenko');
    expect(await t.deps.app.store.dueNotifications(t.clock.now(), 10)).toEqual([]);
  });

  it('never sends one notification twice when two notifiers run at once', async () => {
    const t = await submitted();
    const results = await Promise.all([notifyStaff(t.deps.notify), notifyStaff(t.deps.notify), notifyStaff(t.deps.notify)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(t.mailer.sent).toHaveLength(2);
  });

  it('backs off 1, 2, 4 ... minutes up to an hour', () => {
    expect([1, 2, 3, 7, 8, 20].map((a) => backoffMs(a) / 60_000)).toEqual([1, 2, 4, 60, 60, 60]);
  });
});

describe('the resident confirmation', () => {
  it('goes to the email the resident gave, in their language, with the reference and contact but no answers', async () => {
    const t = await buildTestApp();
    const res = await postJson(
      t.app,
      '/api/forms/guidance/submissions',
      guidanceBody({ lang: 'sv' }, { contactWay: 'email', email: 'olena@example.com', phone: undefined, message: 'hemligt meddelande' }),
    );
    const { reference } = (await res.json()) as { reference: string };
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent.find((m) => m.to.includes('olena@example.com'))!;
    expect(mail.subject).toBe(`Din blankett har tagits emot – ${reference}`);
    expect(mail.text).toContain(`Ditt referensnummer är ${reference}.`);
    expect(mail.text).toContain('Heinola, tfn +358 44 469 4372, kotoutuminen@heinola.fi');
    expect(mail.text).toContain('Handledning och rådgivning');
    for (const secret of ['hemligt', 'Olena Kovalenko', 'Boende']) expect(mail.text).not.toContain(secret);
    expect(mail.headers).toMatchObject({ 'Content-Language': 'sv' });
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored?.notification.sentTo).toContain('resident');
  });

  it('is not sent when the resident gave no email address', async () => {
    const t = await buildTestApp();
    await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
    await notifyStaff(t.deps.notify);
    expect(t.mailer.sent.every((m) => m.to[0]!.endsWith('@heinola.fi'))).toBe(true);
  });
});
