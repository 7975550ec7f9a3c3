import { describe, expect, it } from 'vitest';
import { signActionLink } from '../../functions/src/domain/staff/action-link.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

async function app() {
  const t = await buildTestApp();
  await seedStaff(t);
  return t;
}

/** Submits guidance forms, one minute apart, and returns their references oldest first. */
async function submit(t: T, municipality: string, count: number, answers: Record<string, unknown> = {}): Promise<string[]> {
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    t.clock.advance(60_000);
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }, answers));
    refs.push(((await res.json()) as { reference: string }).reference);
  }
  return refs;
}

const json = async <X>(res: Response) => (await res.json()) as X;
type Page = { items: { reference: string; municipality: string; status: string }[]; cursor?: string };

describe('the staff inbox', () => {
  it('lists newest first, only the caller municipalities', async () => {
    const t = await app();
    const hei = await submit(t, 'heinola', 2);
    await submit(t, 'orimattila', 1);
    const cookie = await signIn(t, HEINOLA);
    const page = await json<Page>(await staffRequest(t, 'GET', '/api/staff/submissions', { cookie }));
    expect(page.items.map((i) => i.reference)).toEqual([...hei].reverse());
    expect(page.cursor).toBeUndefined();
    expect(page.items[0]).toMatchObject({ form: 'guidance', municipality: 'heinola', status: 'new', lang: 'en' });
  });

  it('pages through two municipalities with a cursor, each item once, in order', async () => {
    const t = await app();
    const all: string[] = [];
    for (let i = 0; i < 4; i++) all.push(...(await submit(t, i % 2 ? 'orimattila' : 'heinola', 2)));
    const cookie = await signIn(t, ADMIN);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await json<Page>(
        await staffRequest(t, 'GET', `/api/staff/submissions?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { cookie }),
      );
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...all].reverse());
    expect(pages).toBe(3);
    expect((await staffRequest(t, 'GET', '/api/staff/submissions?cursor=garbage', { cookie })).status).toBe(400);
  });

  it('refuses a forged cursor with 400 invalid_cursor, never querying with it', async () => {
    const t = await app();
    await submit(t, 'heinola', 3);
    await submit(t, 'orimattila', 3);
    const heinola = await signIn(t, HEINOLA);
    const admin = await signIn(t, ADMIN);
    const first = await json<Page>(await staffRequest(t, 'GET', '/api/staff/submissions?limit=2', { cookie: heinola }));
    const real = JSON.parse(Buffer.from(first.cursor!, 'base64url').toString('utf8')) as { heinola: Record<string, string> };
    const oriPage = await json<Page>(
      await staffRequest(t, 'GET', '/api/staff/submissions?municipality=orimattila&limit=2', { cookie: admin }),
    );
    const oriKey = (JSON.parse(Buffer.from(oriPage.cursor!, 'base64url').toString('utf8')) as { orimattila: Record<string, string> })
      .orimattila;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = {
      'no key attributes': encode({ heinola: {} }),
      'foreign attributes': encode({ heinola: { a: 'b' } }),
      'an extra attribute': encode({ heinola: { ...real.heinola, extra: 'x' } }),
      'a missing attribute': encode({ heinola: { ...real.heinola, sk: undefined } }),
      'a number for a key': encode({ heinola: { ...real.heinola, sk: 1 } }),
      "another municipality's partition under the caller's name": encode({ heinola: oriKey }),
      'the partition named for another municipality': encode({ heinola: { ...real.heinola, gsi1pk: 'MUN#orimattila' } }),
      'a municipality the caller may not read': encode({ orimattila: oriKey }),
      'a base key not matching the index key': encode({ heinola: { ...real.heinola, pk: 'SUB#HEI-2222-2222' } }),
      'a time that is not one': encode({ heinola: { ...real.heinola, gsi1sk: real.heinola['gsi1sk']!.replace(/^[^#]+/, 'yesterday') } }),
      'a word for a position': encode({ heinola: 'bottom' }),
      'an empty object': encode({}),
      'an array': encode([real.heinola]),
      'not JSON': 'garbage',
    };
    for (const [what, cursor] of Object.entries(forged)) {
      const res = await staffRequest(t, 'GET', `/api/staff/submissions?limit=2&cursor=${cursor}`, { cookie: heinola });
      expect(res.status, what).toBe(400);
      expect(await json(res), what).toMatchObject({ error: 'invalid_cursor', message: expect.any(String) });
    }
    // A cursor belongs to the list it came from: an admin's two-municipality cursor does not page one municipality.
    const both = await json<Page>(await staffRequest(t, 'GET', '/api/staff/submissions?limit=2', { cookie: admin }));
    expect(
      (await staffRequest(t, 'GET', `/api/staff/submissions?municipality=heinola&cursor=${both.cursor}`, { cookie: admin })).status,
    ).toBe(400);
    // A cursor before the age filter's boundary would be outside the query; it is refused, not sent to the store.
    const aged = await staffRequest(t, 'GET', `/api/staff/submissions?minAgeDays=1&limit=2&cursor=${first.cursor}`, { cookie: heinola });
    expect(await json(aged)).toMatchObject({ error: 'invalid_cursor' });
    const next = await staffRequest(t, 'GET', `/api/staff/submissions?limit=2&cursor=${first.cursor}`, { cookie: heinola });
    expect(next.status).toBe(200);
    expect((await json<Page>(next)).items).toHaveLength(1);
  });

  it('filters by status, form, assignee and age; another municipality is 403', async () => {
    const t = await app();
    const [older, newer] = await submit(t, 'heinola', 2);
    t.clock.advance(3 * 86_400_000);
    const cookie = await signIn(t, HEINOLA);
    await staffRequest(t, 'PATCH', `/api/staff/submissions/${newer}`, {
      cookie,
      body: { status: 'done', assignee: HEINOLA, expectedVersion: 1 },
    });
    const get = async (q: string) =>
      (await json<Page>(await staffRequest(t, 'GET', `/api/staff/submissions?${q}`, { cookie }))).items.map((i) => i.reference);
    expect(await get('status=done')).toEqual([newer]);
    expect(await get('status=new')).toEqual([older]);
    expect(await get(`assignee=${HEINOLA}`)).toEqual([newer]);
    expect(await get('assignee=none')).toEqual([older]);
    expect(await get('form=hobby')).toEqual([]);
    expect(await get('minAgeDays=2')).toEqual([newer, older]);
    expect(await get('minAgeDays=5')).toEqual([]);
    expect((await staffRequest(t, 'GET', '/api/staff/submissions?status=lost', { cookie })).status).toBe(400);
    expect((await staffRequest(t, 'GET', '/api/staff/submissions?municipality=orimattila', { cookie })).status).toBe(403);
  });

  it('filters by a notification that failed for good, as the digest links to it; another notification state is 400', async () => {
    const t = await app();
    const [bounced, fine] = await submit(t, 'heinola', 2);
    await t.deps.app.store.saveNotification(bounced!, { state: 'failed', attempts: 12, lastError: 'mailbox full' });
    const cookie = await signIn(t, HEINOLA);
    const get = async (q: string) =>
      (await json<Page>(await staffRequest(t, 'GET', `/api/staff/submissions?${q}`, { cookie }))).items.map((i) => i.reference);
    expect(await get('notification=failed')).toEqual([bounced]);
    expect(await get('notification=failed&status=new&form=guidance&municipality=heinola')).toEqual([bounced]);
    expect(await get('')).toEqual([fine, bounced]);
    const wrong = await staffRequest(t, 'GET', '/api/staff/submissions?notification=sent', { cookie });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('one submission', () => {
  it('shows each answer under its Finnish label beside the label the resident saw, and audits the read', async () => {
    const t = await app();
    const res = await postJson(
      t.app,
      '/api/forms/guidance/submissions',
      guidanceBody({ lang: 'sv' }, { message: 'Hej, jag behöver hjälp' }),
    );
    const { reference } = await json<{ reference: string }>(res);
    const cookie = await signIn(t, HEINOLA);
    const detail = await json<{
      version: number;
      lang: string;
      answers: {
        field: string;
        label: string;
        residentLabel: string;
        display: string;
        residentDisplay: string;
        freeText: boolean;
        lang: string;
      }[];
    }>(await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie }));
    expect(detail).toMatchObject({ version: 1, lang: 'sv' });
    const byField = Object.fromEntries(detail.answers.map((a) => [a.field, a]));
    // Under the form's staff label (meta.staffLabels), beside the question as the resident read it.
    expect(byField['contactWay']).toMatchObject({
      label: 'Yhteydenottotapa',
      residentLabel: 'Hur ska vi kontakta dig?',
      display: 'Puhelu',
      residentDisplay: 'Telefonsamtal',
    });
    expect(byField['message']).toMatchObject({ display: 'Hej, jag behöver hjälp', freeText: true, lang: 'sv' });
    expect(detail.answers[0]!.field).toBe('topics');
    const admin = await signIn(t, ADMIN);
    const audit = await json<{ entries: { actor: string; action: string }[] }>(
      await staffRequest(t, 'GET', `/api/admin/audit/${reference}`, { cookie: admin }),
    );
    expect(audit.entries).toEqual([expect.objectContaining({ actor: HEINOLA, action: 'read' })]);
  });

  it('is 404 for another municipality, the same as for a missing reference', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const cookie = await signIn(t, ORIMATTILA);
    const other = await staffRequest(t, 'GET', `/api/staff/submissions/${ref}`, { cookie });
    const missing = await staffRequest(t, 'GET', '/api/staff/submissions/HEI-2222-2222', { cookie });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(
      (await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, { cookie, body: { status: 'done', expectedVersion: 1 } })).status,
    ).toBe(404);
  });

  it('changes status, assignee and notes with optimistic locking, keeping the full history', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const cookie = await signIn(t, HEINOLA);
    const first = await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, {
      cookie,
      body: { status: 'in_progress', assignee: HEINOLA, note: 'Soitan huomenna', expectedVersion: 1 },
    });
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({ status: 'in_progress', assignee: HEINOLA, version: 2 });
    const stale = await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, { cookie, body: { status: 'done', expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ error: 'conflict', currentVersion: 2 });
    await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, { cookie, body: { status: 'waiting_resident', expectedVersion: 2 } });
    const detail = await json<{
      status: string;
      version: number;
      history: { action: string; by: string; from?: string; to?: string; note?: string }[];
    }>(await staffRequest(t, 'GET', `/api/staff/submissions/${ref}`, { cookie }));
    expect(detail).toMatchObject({ status: 'waiting_resident', version: 3 });
    expect(detail.history.map((h) => [h.action, h.from ?? null, h.to ?? h.note])).toEqual([
      ['status', 'new', 'in_progress'],
      ['assign', null, HEINOLA],
      ['note', null, 'Soitan huomenna'],
      ['status', 'in_progress', 'waiting_resident'],
    ]);
    for (const body of [
      { status: 'archived', expectedVersion: 3 },
      { status: 'done' },
      { note: '', expectedVersion: 3 },
      { expectedVersion: 3 },
    ]) {
      expect((await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, { cookie, body })).status).toBe(400);
    }
  });
});

describe('the assignee', () => {
  it('is nobody, a member with access to the municipality or one of its mailboxes; anything else is 400', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const cookie = await signIn(t, HEINOLA);
    const patch = (assignee: unknown, expectedVersion: number) =>
      staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, { cookie, body: { assignee, expectedVersion } });
    for (const bad of ['<script>nobody', 'someone@example.com', ORIMATTILA, 'maahanmuuttokoordinaattori@orimattila.fi', '']) {
      const res = await patch(bad, 1);
      expect(res.status, String(bad)).toBe(400);
      expect(await json(res), String(bad)).toMatchObject({ error: 'invalid_assignee', message: expect.any(String) });
    }
    // Not an email at all is the wrong shape of request, named as such.
    for (const bad of [42, ['x'], 'x'.repeat(255)]) {
      const res = await patch(bad, 1);
      expect(res.status, String(bad)).toBe(400);
      expect(await json(res), String(bad)).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('"assignee"') });
    }
    expect((await t.deps.app.store.getSubmission(ref!, t.clock.now()))?.version).toBe(1);
    const steps: [unknown, string | null][] = [
      [' Staff.Heinola@koto.local ', HEINOLA],
      [ADMIN, ADMIN],
      ['Kotoutumisohjaaja@heinola.fi', 'kotoutumisohjaaja@heinola.fi'],
      ['kotoutuminen@heinola.fi', 'kotoutuminen@heinola.fi'],
      [null, null],
    ];
    for (const [i, [assignee, stored]] of steps.entries()) {
      const res = await patch(assignee, i + 1);
      expect(res.status, String(assignee)).toBe(200);
      expect(await json(res)).toMatchObject({ assignee: stored, version: i + 2 });
    }
  });

  it('taken by a member whose email is the mailbox is theirs already when they claim it by link', async () => {
    const t = await app();
    const mailbox = 'kotoutumisohjaaja@heinola.fi';
    await t.deps.app.staff.put({ email: mailbox, name: 'Kotoutumisohjaaja', role: 'staff', municipalities: ['heinola'] });
    const [ref] = await submit(t, 'heinola', 1);
    const cookie = await signIn(t, mailbox);
    expect(
      (
        await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, {
          cookie,
          body: { assignee: 'KOTOUTUMISOHJAAJA@heinola.fi', expectedVersion: 1 },
        })
      ).status,
    ).toBe(200);
    const claim = `/a/${signActionLink(nodeCrypto, 'test-action-secret', { reference: ref!, action: 'claim', mailbox, exp: Math.floor(t.clock.now().getTime() / 1000) + 86_400, status: 'new', seen: 0 })}`;
    expect((await staffRequest(t, 'POST', claim)).status).toBe(200);
    expect(await t.deps.app.store.getSubmission(ref!, t.clock.now())).toMatchObject({ assignee: mailbox, version: 2 });
  });
});

describe('the audit trail', () => {
  it('is gone with its submission: 404 once the submission has expired, before any sweep, and for an unknown one', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const staff = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', `/api/staff/submissions/${ref}`, { cookie: staff })).status).toBe(200);
    const expiresAt = (await t.deps.app.store.getSubmission(ref!, t.clock.now()))!.expiresAt;
    t.clock.current = new Date((expiresAt - 3600) * 1000);
    const admin = await signIn(t, ADMIN);
    const live = await staffRequest(t, 'GET', `/api/admin/audit/${ref}`, { cookie: admin });
    expect(live.status).toBe(200);
    expect((await json<{ entries: unknown[] }>(live)).entries).toHaveLength(1);
    t.clock.advance(3600_000 + 1000);
    const expired = await staffRequest(t, 'GET', `/api/admin/audit/${ref}`, { cookie: admin });
    expect(expired.status).toBe(404);
    expect(await json(expired)).toMatchObject({ error: 'not_found' });
    expect(await t.deps.app.audit.list(ref!, t.clock.now())).toEqual([]);
    const unknown = await staffRequest(t, 'GET', '/api/admin/audit/HEI-2222-2222', { cookie: admin });
    expect(unknown.status).toBe(404);
  });
});

describe('CSV export', () => {
  it('in Finnish is UTF-8 with a byte-order mark and escapes spreadsheet formulas', async () => {
    const t = await app();
    await submit(t, 'heinola', 1, { fullName: '=HYPERLINK("http://evil.example","Klikkaa")', latinName: 'Ёлка Öljynen' });
    const cookie = await signIn(t, HEINOLA);
    const res = await staffRequest(t, 'GET', '/api/staff/export?format=csv-fi&municipality=heinola&form=guidance', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, row] = text.split('\r\n');
    expect(header).toContain('"Asiointitunnus";"Lomake";"Kunta";"Tila";"Kieli";"Vastaanotettu";"Käsittelijä";"Aiheet"');
    // The questions under the form's staff labels, not as the resident was asked.
    expect(header).toContain('"Yhteydenottotapa"');
    expect(header).not.toContain('Miten otamme sinuun yhteyttä?');
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Klikkaa"")"`);
    expect(row).toContain('Ёлка Öljynen');
    expect(row).toContain('"Asuminen, Kelan etuudet"');
  });
});

describe('emailed action links', () => {
  const link = (t: T, reference: string, action: 'claim' | 'done', mailbox = 'kotoutumisohjaaja@heinola.fi', days = 7) =>
    `/a/${signActionLink(nodeCrypto, 'test-action-secret', { reference, action, mailbox, exp: Math.floor(t.clock.now().getTime() / 1000) + days * 86_400, status: 'new', seen: 0 })}`;

  it('show a confirm page on GET that changes nothing, and act on POST', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const claim = link(t, ref!, 'claim');
    const page = await t.app.request(claim);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form class="page-form" method="post">');
    expect((await t.deps.app.store.getSubmission(ref!, t.clock.now()))?.status).toBe('new');
    const done = await staffRequest(t, 'POST', claim);
    expect(done.status).toBe(200);
    expect(await t.deps.app.store.getSubmission(ref!, t.clock.now())).toMatchObject({
      status: 'in_progress',
      assignee: 'kotoutumisohjaaja@heinola.fi',
      version: 2,
    });
    expect((await staffRequest(t, 'POST', claim)).status).toBe(200);
    expect((await t.deps.app.store.getSubmission(ref!, t.clock.now()))?.version).toBe(2);
    expect((await staffRequest(t, 'POST', link(t, ref!, 'claim', 'maahanmuuttokoordinaattori@heinola.fi'))).status).toBe(409);
    expect((await staffRequest(t, 'POST', link(t, ref!, 'done'))).status).toBe(200);
    expect((await t.deps.app.store.getSubmission(ref!, t.clock.now()))?.status).toBe('done');
  });

  it('refuse a tampered, expired or cross-site link', async () => {
    const t = await app();
    const [ref] = await submit(t, 'heinola', 1);
    const good = link(t, ref!, 'done');
    const tampered = good.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect((await staffRequest(t, 'POST', tampered)).status).toBe(401);
    expect((await staffRequest(t, 'POST', good, { origin: 'https://evil.example' })).status).toBe(403);
    t.clock.advance(7 * 86_400_000 + 1000);
    expect((await t.app.request(good)).status).toBe(401);
    expect((await staffRequest(t, 'POST', good)).status).toBe(401);
    expect((await t.deps.app.store.getSubmission(ref!, t.clock.now()))?.status).toBe('new');
  });
});

describe('admin: form languages', () => {
  it('lists each form with its languages, whether each is offered and reviewed by a native speaker', async () => {
    const t = await app();
    const cookie = await signIn(t, ADMIN);
    const { forms } = await json<{ forms: { id: string; languages: { lang: string; reviewed: boolean; offered: boolean }[] }[] }>(
      await staffRequest(t, 'GET', '/api/admin/forms', { cookie }),
    );
    const guidance = forms.find((f) => f.id === 'guidance')!;
    expect(guidance.languages).toContainEqual({ lang: 'fi', reviewed: true, offered: true });
    expect(guidance.languages).toHaveLength(10);
    expect(guidance.languages).toContainEqual({ lang: 'en', reviewed: false, offered: true });
    expect(forms.map((f) => f.id).sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
  });

  it('lists the texts every form shares (interface, mail, municipalities) with each language review state', async () => {
    const t = await app();
    const cookie = await signIn(t, ADMIN);
    const { sharedTexts } = await json<{ sharedTexts: { languages: { lang: string; reviewed: boolean; offered: boolean }[] } }>(
      await staffRequest(t, 'GET', '/api/admin/forms', { cookie }),
    );
    expect(sharedTexts.languages.map((l) => l.lang).sort()).toEqual(['ar', 'en', 'et', 'fa', 'fi', 'ru', 'sv', 'th', 'tl', 'uk']);
    expect(sharedTexts.languages.filter((l) => l.reviewed).map((l) => l.lang)).toEqual(['fi']);
    expect(sharedTexts.languages.every((l) => l.offered)).toBe(true);
  });
});
