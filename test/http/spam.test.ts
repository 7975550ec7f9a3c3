import { describe, expect, it } from 'vitest';
import type { InboxPage } from '../../schemas/src/index.js';
import type { HeldSubmissions } from '../../schemas/src/spam-contract.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const SUBMIT = '/api/forms/guidance/submissions';
const MAILBOX = 'kotoutumisohjaaja@heinola.fi';
const DAY = 86_400_000;

const staffMails = (t: T) => t.mailer.sent.filter((m) => m.to.includes(MAILBOX));
const mailsTo = (t: T, address: string) => t.mailer.sent.filter((m) => m.to.includes(address));

async function app(overrides: Parameters<typeof buildTestApp>[0] = {}): Promise<T> {
  const t = await buildTestApp(overrides);
  await seedStaff(t);
  return t;
}

/** A start token as the page fetches it when the form is first shown. */
async function startToken(t: T): Promise<string> {
  const res = await t.app.request('/api/forms/guidance/start');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ((await res.json()) as { startToken: string }).startToken;
}

async function submit(t: T, extra: Record<string, unknown> = {}, answers: Record<string, unknown> = {}, client = '127.0.0.1') {
  const res = await postJson(t.app, SUBMIT, { ...guidanceBody({}, answers), ...extra }, { 'x-test-client': client });
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string; submittedAt: string };
}

async function inboxReferences(t: T, cookie: string): Promise<string[]> {
  const res = await staffRequest(t, 'GET', '/api/staff/submissions?municipality=heinola', { cookie });
  return ((await res.json()) as InboxPage).items.map((i) => i.reference);
}

async function held(t: T, cookie: string): Promise<HeldSubmissions['items']> {
  const res = await staffRequest(t, 'GET', '/api/admin/spam', { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as HeldSubmissions).items;
}

/** Asserts a submission was held: a normal receipt, nobody mailed, not in the inbox, its search or the staff API. */
async function expectHeld(t: T, reference: string, reason: string) {
  await notifyStaff(t.deps.notify);
  expect(t.mailer.sent.filter((m) => !m.subject.startsWith('Kirjautumislinkki'))).toEqual([]);
  expect(t.sms.sent).toEqual([]);
  const stored = await t.deps.app.store.getSubmission(reference, t.clock.now(), { includeHeld: true });
  expect(stored?.spam).toEqual({ reason });
  const cookie = await signIn(t, HEINOLA);
  expect(await inboxReferences(t, cookie)).not.toContain(reference);
  expect((await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie })).status).toBe(404);
  const search = await staffRequest(t, 'GET', `/api/staff/search?q=${encodeURIComponent('+358401234567')}`, { cookie });
  expect(((await search.json()) as InboxPage).items).toEqual([]);
}

describe('suspected spam, without a CAPTCHA', () => {
  it('holds a submission whose honeypot is filled: 201 with a reference, no staff mail, no confirmation, not in the inbox', async () => {
    const t = await app();
    const token = await startToken(t);
    t.clock.advance(60_000);
    const { reference } = await submit(
      t,
      { extra: 'http://cheap-pills.example', startToken: token },
      { contactWay: 'email', email: 'a@example.com' },
    );
    expect(reference).toMatch(/^HEI-/);
    await expectHeld(t, reference, 'honeypot');
  });

  it('holds answers back sooner after the form was shown than a person fills one', async () => {
    const t = await app();
    const token = await startToken(t);
    t.clock.advance(1_000);
    const { reference } = await submit(t, { startToken: token });
    await expectHeld(t, reference, 'too_fast');
  });

  it('takes a normal fill, a draft restored a day later with its first token, a blank honeypot and an unknown token as usual', async () => {
    const t = await app();
    const first = await startToken(t);
    t.clock.advance(DAY);
    // The resident came back to a saved draft: the page sends the token from when the form was first shown.
    const restored = await submit(t, { startToken: first, extra: '' });
    const fresh = await startToken(t);
    t.clock.advance(45_000);
    const normal = await submit(t, { startToken: fresh }, { fullName: 'Iryna Kovalenko' });
    // A page opened before tokens existed, or a token from another key: not judged by time.
    t.clock.advance(1_000);
    const unknown = await submit(t, { startToken: 'lq2x9k0.forged' }, { fullName: 'Petro Kovalenko' });
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(3);
    expect(t.sms.sent).toHaveLength(3);
    const cookie = await signIn(t, HEINOLA);
    expect(await inboxReferences(t, cookie)).toEqual([unknown.reference, normal.reference, restored.reference]);
    expect(await held(t, await signIn(t, ADMIN))).toEqual([]);
  });

  it('lets an admin list held submissions and release one, which is then notified once and audited', async () => {
    const t = await app();
    const { reference } = await submit(t, { extra: 'autofilled' }, { contactWay: 'email', email: 'olena@example.com' });
    await notifyStaff(t.deps.notify);
    const admin = await signIn(t, ADMIN);
    const items = await held(t, admin);
    expect(items).toEqual([
      expect.objectContaining({ reference, form: 'guidance', municipality: 'heinola', reason: 'honeypot', lang: 'en' }),
    ]);
    expect(items[0]!.answers).toContainEqual(expect.objectContaining({ field: 'fullName', display: 'Olena Kovalenko' }));

    const release = await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, { cookie: admin });
    expect(release.status).toBe(204);
    expect((await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, { cookie: admin })).status).toBe(404);
    await notifyStaff(t.deps.notify);
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(1);
    expect(mailsTo(t, 'olena@example.com')).toHaveLength(1);
    expect(await held(t, admin)).toEqual([]);

    const cookie = await signIn(t, HEINOLA);
    expect(await inboxReferences(t, cookie)).toEqual([reference]);
    const search = await staffRequest(t, 'GET', '/api/staff/search?q=olena@example.com', { cookie });
    expect(((await search.json()) as InboxPage).items.map((i) => i.reference)).toEqual([reference]);
    expect(await t.deps.app.audit.list(reference, t.clock.now())).toContainEqual(
      expect.objectContaining({ actor: ADMIN, action: 'release' }),
    );
  });

  it('releases held feedback that is not a case back to the evidence: no staff mail, not in the inbox', async () => {
    const t = await app();
    const feedback = catalog.forms.find((f) => f.id === 'feedback')!;
    const body = {
      municipality: 'heinola',
      lang: 'en',
      formVersion: feedback.version,
      answers: {
        service: 'guidance',
        ratingOverall: 4,
        ratingAccess: 5,
        ratingHelp: 3,
        ratingWelcome: 5,
        contactRequest: 'no',
        consent: true,
      },
      extra: 'autofilled',
    };
    const res = await postJson(t.app, '/api/forms/feedback/submissions', body);
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    const admin = await signIn(t, ADMIN);
    expect((await held(t, admin)).map((i) => i.reference)).toEqual([reference]);

    expect((await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, { cookie: admin })).status).toBe(204);
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(0);
    expect(await held(t, admin)).toEqual([]);
    expect(await inboxReferences(t, await signIn(t, HEINOLA))).toEqual([]);
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored).toMatchObject({ triage: false, notification: { state: 'sent', sentTo: [] } });
    expect(stored?.spam).toBeUndefined();
  });

  it('purges a held submission after 30 days', async () => {
    const t = await app();
    const { reference } = await submit(t, { extra: 'x' });
    t.clock.advance(29 * DAY);
    expect(await held(t, await signIn(t, ADMIN))).toHaveLength(1);
    t.clock.advance(DAY + 1_000);
    await t.deps.app.store.deleteExpired(t.clock.now());
    expect(await t.deps.app.store.getSubmission(reference, t.clock.now(), { includeHeld: true })).toBeUndefined();
    const admin = await signIn(t, ADMIN);
    expect(await held(t, admin)).toEqual([]);
    expect((await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, { cookie: admin })).status).toBe(404);
  });

  it('keeps the spam routes to admins: staff 403, anonymous 401, cross-site 403', async () => {
    const t = await app();
    const { reference } = await submit(t, { extra: 'x' });
    const staff = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', '/api/admin/spam', { cookie: staff })).status).toBe(403);
    expect((await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, { cookie: staff })).status).toBe(403);
    expect((await staffRequest(t, 'GET', '/api/admin/spam')).status).toBe(401);
    const admin = await signIn(t, ADMIN);
    const crossSite = await staffRequest(t, 'POST', `/api/admin/spam/${reference}/release`, {
      cookie: admin,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await t.deps.app.store.getSubmission(reference, t.clock.now(), { includeHeld: true }))?.spam).toBeDefined();
  });

  it('answers 404 unknown_form for the start token of a form there is not', async () => {
    const t = await app();
    const res = await t.app.request('/api/forms/nope/start');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_form' });
  });
});

describe('resident confirmations, capped per recipient address', () => {
  it('sends at most 3 an hour to one address; the 4th submission is stored and staff notified; another address and the next hour are not affected', async () => {
    const t = await app();
    const email = { contactWay: 'email', email: 'stranger@example.com' };
    const references: string[] = [];
    for (const name of ['A', 'B', 'C', 'D']) {
      references.push((await submit(t, {}, { ...email, fullName: `Nimi ${name}` })).reference);
      await notifyStaff(t.deps.notify);
    }
    expect(mailsTo(t, 'stranger@example.com')).toHaveLength(3);
    expect(staffMails(t)).toHaveLength(4);
    const fourth = (await t.deps.app.store.getSubmission(references[3]!, t.clock.now()))!;
    expect(fourth.notification.state).toBe('sent');
    expect(fourth.notification.sentTo).toContain('resident-capped');
    expect(fourth.notification.sentTo).not.toContain('resident');

    await submit(t, {}, { contactWay: 'email', email: 'someone.else@example.com' });
    await notifyStaff(t.deps.notify);
    expect(mailsTo(t, 'someone.else@example.com')).toHaveLength(1);

    t.clock.advance(60 * 60_000);
    await submit(t, {}, { ...email, fullName: 'Nimi E' });
    await notifyStaff(t.deps.notify);
    expect(mailsTo(t, 'stranger@example.com')).toHaveLength(4);
  });

  it('caps SMS confirmations per phone number the same way', async () => {
    const t = await app();
    for (const name of ['A', 'B', 'C', 'D']) await submit(t, {}, { fullName: `Nimi ${name}` });
    await notifyStaff(t.deps.notify);
    expect(t.sms.sent).toHaveLength(3);
    expect(staffMails(t)).toHaveLength(4);
  });
});

describe('identical submissions from one client within minutes, as one case', () => {
  it('groups a burst of 29 into one case with a count of 29 and one staff mail; each resident gets the case’s reference', async () => {
    const t = await app({ identicalWindowMinutes: 10 });
    const answers = { contactWay: 'email', email: 'burst@example.com' };
    const receipts = [];
    for (let i = 0; i < 29; i++) {
      receipts.push(await submit(t, {}, answers));
      t.clock.advance(2_000);
    }
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(1);
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(1);
    expect(mailsTo(t, 'burst@example.com')).toHaveLength(1);

    const cookie = await signIn(t, HEINOLA);
    const inbox = (await (await staffRequest(t, 'GET', '/api/staff/submissions?municipality=heinola', { cookie })).json()) as InboxPage;
    expect(inbox.items).toEqual([expect.objectContaining({ reference: receipts[0]!.reference, identical: 29 })]);
    const detail = await staffRequest(t, 'GET', `/api/staff/submissions/${receipts[0]!.reference}`, { cookie });
    expect(await detail.json()).toMatchObject({ identical: 29 });
  });

  it('keeps separate cases for another client, other answers, another form’s window passed', async () => {
    const t = await app({ identicalWindowMinutes: 10 });
    const first = await submit(t);
    const again = await submit(t);
    const otherClient = await submit(t, {}, {}, '192.0.2.7');
    const otherAnswers = await submit(t, {}, { fullName: 'Mykola Kovalenko' });
    t.clock.advance(11 * 60_000);
    const later = await submit(t);
    expect(again.reference).toBe(first.reference);
    const references = [first, otherClient, otherAnswers, later].map((r) => r.reference);
    expect(new Set(references).size).toBe(4);
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(4);
    const stored = await t.deps.app.store.getSubmission(first.reference, t.clock.now());
    expect(stored?.identical).toBe(2);
  });

  it('never groups a held submission with a normal one', async () => {
    const t = await app({ identicalWindowMinutes: 10 });
    const spam = await submit(t, { extra: 'x' });
    const person = await submit(t);
    expect(person.reference).not.toBe(spam.reference);
    await notifyStaff(t.deps.notify);
    expect(staffMails(t)).toHaveLength(1);
  });
});
