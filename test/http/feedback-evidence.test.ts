import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { sendDigest } from '../../functions/src/domain/staff/send-digest.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, guidanceBody, postJson, storedSubmissions } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

const FEEDBACK_VERSION = catalog.forms.find((f) => f.id === 'feedback')!.version;
const DAY = 86_400_000;

async function app(overrides: Parameters<typeof buildTestApp>[0] = {}) {
  const t = await buildTestApp(overrides);
  await seedStaff(t);
  return t;
}

function feedbackBody(answers: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    municipality: 'heinola',
    lang: 'en',
    formVersion: FEEDBACK_VERSION,
    answers: {
      service: 'guidance',
      ratingOverall: 4,
      ratingAccess: 5,
      ratingHelp: 3,
      ratingWelcome: 5,
      comment: 'Thank you',
      contactRequest: 'no',
      consent: true,
      ...answers,
    },
    ...extra,
  };
}

const json = async <X>(res: Response) => (await res.json()) as X;

async function submit(t: T, path: string, body: unknown): Promise<string> {
  const res = await postJson(t.app, path, body);
  expect(res.status).toBe(201);
  return (await json<{ reference: string }>(res)).reference;
}

async function inboxReferences(t: T, cookie: string): Promise<string[]> {
  const page = await json<{ items: { reference: string }[] }>(await staffRequest(t, 'GET', '/api/staff/submissions', { cookie }));
  return page.items.map((i) => i.reference);
}

async function itemsOfType(t: T, type: string) {
  const { Items = [] } = await t.table.db.send(
    new ScanCommand({
      TableName: t.table.tableName,
      FilterExpression: '#t = :t',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':t': type },
    }),
  );
  return Items;
}

/** Closes a case with a feedback request and returns the patch result. */
async function closeAsking(t: T, cookie: string, reference: string) {
  const res = await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
    cookie,
    body: { status: 'done', expectedVersion: 1, requestFeedback: true },
  });
  expect(res.status).toBe(200);
  return json<{ status: string; feedbackRequest?: string }>(res);
}

const tokenIn = (text: string) => /\?invite=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('feedback is evidence, not a case', () => {
  it('stores a feedback without contact details, mails no one, and keeps it out of the inbox and staff reads', async () => {
    const t = await app();
    const reference = await submit(t, '/api/forms/feedback/submissions', feedbackBody());
    await notifyStaff(t.deps.notify);
    expect(t.mailer.sent).toEqual([]);
    // Nothing open for the morning digest either.
    expect(await sendDigest(t.deps.notify)).toBe(0);
    expect(t.mailer.sent).toEqual([]);

    const stored = await storedSubmissions(t);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reference, formId: 'feedback', triage: false, answers: { ratingOverall: 4 } });
    expect(stored[0]!['expiresAt']).toBeGreaterThan(Date.now() / 1000);
    expect(stored[0]!['outboxPk']).toBeUndefined();

    const cookie = await signIn(t, ADMIN);
    expect(await inboxReferences(t, cookie)).not.toContain(reference);
    expect((await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie })).status).toBe(404);
    const patch = await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie,
      body: { status: 'done', expectedVersion: 1 },
    });
    expect(patch.status).toBe(404);
    const exported = await staffRequest(t, 'GET', '/api/staff/export?format=csv&municipality=heinola&form=feedback', { cookie });
    expect(exported.status).toBe(200);
    expect(await exported.text()).not.toContain(reference);
  });

  it('makes a feedback that asks to be contacted a case: staff are mailed and find it in the inbox', async () => {
    const t = await app();
    const reference = await submit(
      t,
      '/api/forms/feedback/submissions',
      feedbackBody({ contactRequest: 'phone', fullName: 'Olena Kovalenko', phone: '+358 40 123 4567' }),
    );
    await notifyStaff(t.deps.notify);
    expect(t.mailer.sent.some((m) => m.to.includes('maahanmuuttokoordinaattori@heinola.fi'))).toBe(true);
    const cookie = await signIn(t, HEINOLA);
    expect(await inboxReferences(t, cookie)).toContain(reference);
    expect((await storedSubmissions(t))[0]!['triage']).toBeUndefined();
  });

  it('lets another form opt out with meta.triage: false', async () => {
    const forms = catalog.forms.map((f) =>
      f.id === 'guidance' ? { ...f, meta: { ...f.meta, triage: false, roles: { consent: f.meta.roles.consent } } } : f,
    );
    const t = await app({ catalog: { ...catalog, forms } });
    const reference = await submit(t, '/api/forms/guidance/submissions', guidanceBody());
    await notifyStaff(t.deps.notify);
    expect(t.mailer.sent).toEqual([]);
    expect(t.sms.sent).toEqual([]);
    const cookie = await signIn(t, HEINOLA);
    expect(await inboxReferences(t, cookie)).not.toContain(reference);
    expect((await storedSubmissions(t))[0]).toMatchObject({ reference, triage: false });
    // No search keys were written: staff cannot find it by the name in it.
    expect(await itemsOfType(t, 'search')).toEqual([]);
  });
});

describe('a personal single-use feedback link', () => {
  async function closedCase(t: T, answers: Record<string, unknown>, lang = 'uk') {
    const reference = await submit(t, '/api/forms/guidance/submissions', guidanceBody({ lang }, answers));
    await notifyStaff(t.deps.notify);
    t.mailer.sent.length = 0;
    t.sms.sent.length = 0;
    const cookie = await signIn(t, HEINOLA);
    t.mailer.sent.length = 0;
    const result = await closeAsking(t, cookie, reference);
    return { reference, cookie, result };
  }

  it('is mailed in the resident language when staff close the case, and takes one feedback tied to the service only', async () => {
    const t = await app();
    const email = 'olena@example.com';
    const { reference, result } = await closedCase(t, { contactWay: 'email', email, phone: undefined });
    expect(result).toMatchObject({ status: 'done', feedbackRequest: 'email' });

    const mail = t.mailer.sent.find((m) => m.to.includes(email))!;
    expect(mail).toBeDefined();
    expect(mail.subject).toBe(catalog.mail.uk!.feedbackSubject.replace('{{municipality}}', 'Heinola'));
    const feedbackForm = catalog.forms.find((f) => f.id === 'feedback')!;
    expect(mail.text).toContain(feedbackForm.texts.uk!.fields['service']!.options!['guidance']);
    expect(mail.text).toContain('http://localhost:3000/uk/heinola/feedback?invite=');
    expect(mail.text).not.toContain(reference);
    const token = tokenIn(mail.text)!;

    // The link's record: town, service and expiry, nothing about the person or the case.
    const invites = await itemsOfType(t, 'invite');
    expect(invites).toHaveLength(1);
    expect(Object.keys(invites[0]!).sort()).toEqual(['expiresAt', 'municipality', 'pk', 'service', 'sk', 'type']);
    expect(JSON.stringify(invites[0])).not.toContain(token);

    const about = await t.app.request(`/api/feedback-invites/${token}?municipality=heinola`);
    expect(about.status).toBe(200);
    expect(await about.json()).toEqual({ municipality: 'heinola', service: 'guidance' });

    const before = (await storedSubmissions(t)).length;
    const feedback = await submit(t, '/api/forms/feedback/submissions', feedbackBody({}, { lang: 'uk', invite: token }));
    const stored = (await storedSubmissions(t)).find((s) => s['reference'] === feedback)!;
    expect(stored).toMatchObject({ triage: false, answers: { service: 'guidance' } });
    const text = JSON.stringify(stored);
    for (const trace of [reference, email, token, 'Olena']) expect(text).not.toContain(trace);
    expect(await itemsOfType(t, 'invite')).toEqual([]);

    // Used up: the second use is refused clearly and stores nothing.
    const again = await postJson(t.app, '/api/forms/feedback/submissions', feedbackBody({}, { lang: 'uk', invite: token }));
    expect(again.status).toBe(404);
    expect(await json<{ error: string }>(again)).toMatchObject({ error: 'invite_not_found' });
    expect((await t.app.request(`/api/feedback-invites/${token}?municipality=heinola`)).status).toBe(404);
    expect(await storedSubmissions(t)).toHaveLength(before + 1);
  });

  it('goes by SMS to a resident who chose a phone, where the town sends SMS', async () => {
    const t = await app();
    const { result } = await closedCase(t, { contactWay: 'sms', phone: '040 123 4567' }, 'ru');
    expect(result.feedbackRequest).toBe('sms');
    const sms = t.sms.sent.at(-1)!;
    expect(sms.to).toBe('+358401234567');
    expect(sms.text).toContain('http://localhost:3000/ru/heinola/feedback?invite=');
    expect(sms.text).toContain('Как мы справились?');
    expect(t.mailer.sent.filter((m) => m.subject.includes('Как мы'))).toEqual([]);
  });

  it('expires after 30 days', async () => {
    const t = await app();
    await closedCase(t, { contactWay: 'email', email: 'a@example.com', phone: undefined });
    const token = tokenIn(t.mailer.sent.find((m) => m.to.includes('a@example.com'))!.text)!;
    t.clock.advance(31 * DAY);
    expect((await t.app.request(`/api/feedback-invites/${token}?municipality=heinola`)).status).toBe(404);
    const before = (await storedSubmissions(t)).length;
    const res = await postJson(t.app, '/api/forms/feedback/submissions', feedbackBody({}, { invite: token }));
    expect(res.status).toBe(404);
    expect(await storedSubmissions(t)).toHaveLength(before);
  });

  it('refuses bad, unknown, other-town, other-service and other-form uses with a clear 4xx, storing nothing', async () => {
    const t = await app();
    await closedCase(t, { contactWay: 'email', email: 'b@example.com', phone: undefined });
    const token = tokenIn(t.mailer.sent.find((m) => m.to.includes('b@example.com'))!.text)!;
    const before = (await storedSubmissions(t)).length;
    const cases: [unknown, number, string][] = [
      [feedbackBody({}, { invite: 'not-a-token' }), 404, 'invite_not_found'],
      [feedbackBody({}, { invite: 'A'.repeat(32) }), 404, 'invite_not_found'],
      [feedbackBody({}, { invite: token, municipality: 'orimattila' }), 404, 'invite_not_found'],
      [feedbackBody({ service: 'hobby' }, { invite: token }), 400, 'invalid_request'],
      [feedbackBody({}, { invite: 7 }), 400, 'invalid_request'],
    ];
    for (const [body, status, error] of cases) {
      const res = await postJson(t.app, '/api/forms/feedback/submissions', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await json<{ error: string }>(res)).error).toBe(error);
    }
    const onGuidance = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ invite: token }));
    expect(onGuidance.status).toBe(400);
    expect((await t.app.request('/api/feedback-invites/nope?municipality=heinola')).status).toBe(404);
    expect((await t.app.request(`/api/feedback-invites/${token}?municipality=orimattila`)).status).toBe(404);
    expect(await storedSubmissions(t)).toHaveLength(before);
    // None of those used the link up.
    expect(await itemsOfType(t, 'invite')).toHaveLength(1);
  });

  it('is asked for only when closing the case, and not at all without an address', async () => {
    const t = await app();
    const reference = await submit(t, '/api/forms/guidance/submissions', guidanceBody());
    const cookie = await signIn(t, HEINOLA);
    const refused = await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie,
      body: { status: 'in_progress', expectedVersion: 1, requestFeedback: true },
    });
    expect(refused.status).toBe(400);
    expect(await itemsOfType(t, 'invite')).toEqual([]);

    const orimattila = await submit(
      t,
      '/api/forms/guidance/submissions',
      guidanceBody({ municipality: 'orimattila' }, { contactWay: 'visit', phone: undefined }),
    );
    const admin = await signIn(t, ADMIN);
    expect((await closeAsking(t, admin, orimattila)).feedbackRequest).toBe('none');
    expect(await itemsOfType(t, 'invite')).toEqual([]);
  });
});
