import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { CorrectAnswerResponse, SubjectAccessExport } from '../../schemas/src/residents-rights-contract.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const MAILBOX = 'kotoutumisohjaaja@heinola.fi';
const path = (reference: string) => `/api/admin/submissions/${reference}`;

/** An app with the local accounts, one guidance submission sent with an Idempotency-Key, and the admin's requests. */
async function setUp(answers: Record<string, unknown> = {}) {
  const t = await buildTestApp();
  await seedStaff(t);
  const cookie = await signIn(t, ADMIN);
  const call = (method: string, p: string, body?: unknown) => staffRequest(t, method, p, { cookie, body });
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, answers), {
    'idempotency-key': 'c0ffee00-1111-4222-8333-444455556666',
  });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  return { t, cookie, call, reference };
}

/** Every item of the table, as pk, sk and the whole item: what an erasure must leave out. */
async function allItems(t: T) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.table.db.send(new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function exported(call: (m: string, p: string, b?: unknown) => Response | Promise<Response>, reference: string) {
  const res = await call('GET', path(reference));
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as SubjectAccessExport;
}

describe("residents' rights: export (subject access)", () => {
  it('gives the answers, the history, the audit trail with the export itself, and the notification state', async () => {
    const { t, call, reference } = await setUp();
    // A staff change and a read, so history and audit have something in them.
    const heinola = await signIn(t, HEINOLA);
    await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie: heinola,
      body: { status: 'in_progress', expectedVersion: 1 },
    });
    t.clock.advance(1000);
    const body = await exported(call, reference);
    expect(body).toMatchObject({
      reference,
      form: { id: 'guidance', title: expect.any(String) },
      municipality: 'heinola',
      lang: 'en',
      status: 'in_progress',
      version: 2,
      answers: { fullName: 'Olena Kovalenko', phone: '+358 40 123 4567' },
      notification: { state: 'pending' },
    });
    expect(body.form.fields).toContainEqual({ id: 'fullName', label: expect.any(String), type: 'string' });
    expect(body.history).toEqual([expect.objectContaining({ action: 'status', by: HEINOLA, from: 'new', to: 'in_progress' })]);
    expect(body.audit.map((e) => `${e.actor} ${e.action}`)).toEqual([`${HEINOLA} update`, `${ADMIN} export`]);
    expect(new Date(body.deleteAfter).getTime()).toBeGreaterThan(t.clock.now().getTime() + 364 * 86_400_000);
  });
});

describe("residents' rights: correction (rectification)", () => {
  it('replaces one answer, records `correct` with the field only, and keeps both values out of history, audit and logs', async () => {
    // Without a Latin name, so the full name is the only answer the old surname is found by.
    const { t, call, reference } = await setUp({ latinName: undefined });
    const res = await call('PATCH', `${path(reference)}/answers`, { field: 'fullName', value: 'Olena Petrenko', expectedVersion: 1 });
    expect(res.status).toBe(200);
    const result = (await res.json()) as CorrectAnswerResponse;
    expect(result).toMatchObject({ reference, version: 2, history: [{ action: 'correct', by: ADMIN, field: 'fullName' }] });

    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored?.answers['fullName']).toBe('Olena Petrenko');
    expect(stored?.answers['phone']).toBe('+358 40 123 4567');
    const trail = await t.deps.app.audit.list(reference, t.clock.now());
    expect(trail).toEqual([expect.objectContaining({ actor: ADMIN, action: 'correct', detail: 'fullName' })]);
    const recorded = JSON.stringify({ history: stored?.history, trail, logs: t.logs });
    expect(recorded).not.toContain('Kovalenko');
    expect(recorded).not.toContain('Petrenko');

    // Search follows: the new name finds it, the old one no longer does (its keys are gone).
    const heinola = await signIn(t, HEINOLA);
    const search = async (q: string) => {
      const found = await staffRequest(t, 'GET', `/api/staff/search?q=${encodeURIComponent(q)}`, { cookie: heinola });
      return ((await found.json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
    };
    expect(await search('Petrenko')).toEqual([reference]);
    expect(await search('Kovalenko')).toEqual([]);
    const keys = (await allItems(t)).filter((i) => String(i['pk']).startsWith('SEARCH#'));
    const oldKey = t.deps.app.crypto.sha256('search:name:kovalenko');
    expect(keys.some((i) => String(i['pk']).endsWith(oldKey))).toBe(false);
  });

  it('removes an optional answer with null, and refuses to remove a required one', async () => {
    const { t, call, reference } = await setUp({ receiptEmail: 'olena@example.com' });
    const removed = await call('PATCH', `${path(reference)}/answers`, { field: 'receiptEmail', value: null, expectedVersion: 1 });
    expect(removed.status).toBe(200);
    expect((await t.deps.app.store.getSubmission(reference, t.clock.now()))?.answers).not.toHaveProperty('receiptEmail');
    const required = await call('PATCH', `${path(reference)}/answers`, { field: 'fullName', value: null, expectedVersion: 2 });
    expect(required.status).toBe(400);
    expect(((await required.json()) as { error: string }).error).toBe('invalid_answers');
  });

  it('refuses bad bodies with 400 and a stale version with 409, changing nothing', async () => {
    const { t, call, reference } = await setUp();
    const before = await t.deps.app.store.getSubmission(reference, t.clock.now());
    const cases: [unknown, number, string][] = [
      [{ field: 'noSuchQuestion', value: 'x', expectedVersion: 1 }, 400, 'invalid_request'],
      [{ field: 'fullName', value: 42, expectedVersion: 1 }, 400, 'invalid_answers'],
      [{ field: 'fullName', value: 'Olena\u202eKovalenko', expectedVersion: 1 }, 400, 'invalid_answers'],
      [{ field: 'topics', value: ['not-a-topic'], expectedVersion: 1 }, 400, 'invalid_answers'],
      [{ field: 'fullName', expectedVersion: 1 }, 400, 'invalid_request'],
      [{ field: 'fullName', value: 'X', expectedVersion: 1, extra: true }, 400, 'invalid_request'],
      [{ field: 'fullName', value: 'X' }, 400, 'invalid_request'],
      [{ field: 'fullName', value: 'Olena Petrenko', expectedVersion: 7 }, 409, 'conflict'],
    ];
    for (const [body, status, error] of cases) {
      const res = await call('PATCH', `${path(reference)}/answers`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(error);
    }
    const notJson = await staffRequest(t, 'PATCH', `${path(reference)}/answers`, {
      cookie: await signIn(t, ADMIN),
    });
    expect(notJson.status).toBe(415);
    expect(await t.deps.app.store.getSubmission(reference, t.clock.now())).toEqual(before);
    expect(await t.deps.app.audit.list(reference, t.clock.now())).toEqual([]);
    expect(JSON.stringify(t.logs)).not.toContain('Kovalenko');
  });
});

describe("residents' rights: erasure", () => {
  it('removes the submission, its idempotency and search keys and its audit entries, leaving one line without answers', async () => {
    const { t, call, reference } = await setUp();
    await exported(call, reference);
    const before = await allItems(t);
    expect(before.some((i) => String(i['pk']).startsWith('IDEM#'))).toBe(true);
    expect(before.filter((i) => i['reference'] === reference && String(i['pk']).startsWith('SEARCH#')).length).toBeGreaterThan(0);
    expect(before.some((i) => i['pk'] === `AUDIT#${reference}`)).toBe(true);

    const res = await call('DELETE', path(reference));
    expect(res.status).toBe(204);

    const after = await allItems(t);
    const left = after.filter((i) => JSON.stringify(i).includes(reference));
    expect(left.map((i) => i['pk'])).toEqual(['AUDIT#erasure']);
    expect(left[0]).toMatchObject({ actor: ADMIN, action: 'erase', detail: `${reference} guidance heinola` });
    expect(after.some((i) => String(i['pk']).startsWith('IDEM#'))).toBe(false);
    // Forms' own texts hold an example phone number; nothing else may hold the resident's answers.
    const everything = JSON.stringify(after.filter((i) => !/^(FORM|MUNICIPALITIES)/.test(String(i['pk']))));
    for (const personal of ['Kovalenko', '123 4567', 'ukraina']) expect(everything).not.toContain(personal);

    // Idempotent in effect: the second call finds nothing.
    expect((await call('DELETE', path(reference))).status).toBe(404);
    expect((await call('GET', path(reference))).status).toBe(404);
    expect((await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie: await signIn(t, HEINOLA) })).status).toBe(404);
  });

  it('leaves the staff mail sent, whose action links then answer a clear page that it no longer exists', async () => {
    const { t, call, reference } = await setUp();
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent.find((m) => m.to.includes(MAILBOX) && m.headers?.['X-Koto-Reference'] === reference);
    const claim = new URL(/^Ota käsittelyyn: (\S+)$/m.exec(mail?.text ?? '')![1]!).pathname;
    expect((await t.app.request(claim)).status).toBe(200);

    expect((await call('DELETE', path(reference))).status).toBe(204);
    for (const method of ['GET', 'POST']) {
      const res = await staffRequest(t, method, claim);
      expect(res.status, method).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('Tätä asiaa ei enää ole');
    }
  });
});

describe("residents' rights: who may", () => {
  it('refuses staff (403), anonymous callers (401) and cross-site requests (403), changing nothing', async () => {
    const { t, cookie, reference } = await setUp();
    const heinola = await signIn(t, HEINOLA);
    const before = await t.deps.app.store.getSubmission(reference, t.clock.now());
    const correction = { field: 'fullName', value: 'Olena Petrenko', expectedVersion: 1 };
    const requests: [string, string, unknown][] = [
      ['GET', path(reference), undefined],
      ['PATCH', `${path(reference)}/answers`, correction],
      ['DELETE', path(reference), undefined],
    ];
    for (const [method, p, body] of requests) {
      expect((await staffRequest(t, method, p, { cookie: heinola, body })).status, `${method} staff`).toBe(403);
      expect((await staffRequest(t, method, p, { body })).status, `${method} anonymous`).toBe(401);
    }
    for (const [method, p, body] of requests.slice(1)) {
      const res = await staffRequest(t, method, p, { cookie, body, origin: 'https://evil.example' });
      expect(res.status, `${method} cross-site`).toBe(403);
    }
    expect(await t.deps.app.store.getSubmission(reference, t.clock.now())).toEqual(before);
  });

  it("answers 404 for an unknown reference and for another municipality's submission", async () => {
    const { t, call, reference } = await setUp();
    for (const unknown of ['HEI-7KQ4-M2X9', 'not-a-reference']) {
      expect((await call('GET', path(unknown))).status).toBe(404);
      expect((await call('DELETE', path(unknown))).status).toBe(404);
      const res = await call('PATCH', `${path(unknown)}/answers`, { field: 'fullName', value: 'X', expectedVersion: 1 });
      expect(res.status).toBe(404);
    }
    // An admin of Orimattila only does not see Heinola's.
    const other = 'admin.orimattila@koto.local';
    await t.deps.app.staff.put({ email: other, name: 'Orimattilan ylläpitäjä', role: 'admin', municipalities: ['orimattila'] });
    const cookie = await signIn(t, other);
    for (const method of ['GET', 'DELETE']) {
      expect((await staffRequest(t, method, path(reference), { cookie })).status, method).toBe(404);
    }
    expect(await t.deps.app.store.getSubmission(reference, t.clock.now())).toBeDefined();
  });
});
