import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
type Entry = { reference: string; at: string; actor: string; action: string; detail?: string; expiresAt: number };

async function app() {
  const t = await buildTestApp();
  await seedStaff(t);
  return t;
}

async function submit(t: T, municipality = 'heinola'): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }));
  return ((await res.json()) as { reference: string }).reference;
}

/** Every item in the table, as DynamoDB itself returns them (a full scan, all pages). */
async function scanAll(t: T): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await t.table.client.send(new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

/** The audit trail an admin sees for a submission, without the entries of reading it (tested on their own below). */
async function trail(t: T, admin: string, reference: string): Promise<Entry[]> {
  const res = await staffRequest(t, 'GET', `/api/admin/audit/${reference}`, { cookie: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries.filter((e) => e.action !== 'audit');
}

/** Every audit entry of a submission as the store has it, read through the adapter, not through the route. */
const stored = (t: T, reference: string) => t.deps.app.audit.list(reference, t.clock.now());

const entry = (fields: Partial<Entry>) => ({ expiresAt: expect.any(Number), ...fields });

describe('sign-in secrets at rest', () => {
  it('keep neither the mailed token nor the session cookie in any item, only their hashes', async () => {
    const t = await app();
    expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } })).status).toBe(202);
    const link = /http:\/\/localhost:3000\/auth\/verify\?token=(\S+)/.exec(t.mailer.sent.at(-1)!.text)?.[1];
    expect(link).toBeDefined();
    const token = decodeURIComponent(link!);
    expect(token.length).toBeGreaterThanOrEqual(40);

    const waiting = await scanAll(t);
    const logins = waiting.filter((item) => JSON.stringify(item).includes('"LOGIN#'));
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ pk: { S: expect.stringMatching(/^LOGIN#[0-9a-f]{64}$/) } });
    for (const item of waiting) expect(JSON.stringify(item)).not.toContain(token);

    const session = await staffRequest(t, 'POST', '/api/auth/session', { body: { token } });
    expect(session.status).toBe(200);
    const sessionId = /^koto_session=([^;]+)/.exec(session.headers.get('set-cookie') ?? '')?.[1];
    expect(sessionId?.length).toBeGreaterThanOrEqual(40);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: `koto_session=${sessionId}` })).status).toBe(200);

    const signedIn = await scanAll(t);
    const sessions = signedIn.filter((item) => JSON.stringify(item).includes('"SESSION#'));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ pk: { S: expect.stringMatching(/^SESSION#[0-9a-f]{64}$/) }, email: { S: HEINOLA } });
    for (const item of signedIn) {
      const stored = JSON.stringify(item);
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(link!);
      expect(stored).not.toContain(sessionId!);
    }
  });
});

describe('the audit trail an admin sees', () => {
  it('records who changed the status, the assignee and a note, and when, one entry per change; a refused change records nothing', async () => {
    const t = await app();
    const reference = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const admin = await signIn(t, ADMIN);
    const patches = [
      { status: 'in_progress' },
      { assignee: HEINOLA },
      { note: 'Soitettu, ei vastannut' },
      { status: 'waiting_resident', assignee: null, note: 'Odotetaan liitteitä' },
    ];
    const times: string[] = [];
    for (const [i, patch] of patches.entries()) {
      t.clock.advance(60_000);
      times.push(t.clock.now().toISOString());
      expect(
        (await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, { cookie, body: { ...patch, expectedVersion: i + 1 } }))
          .status,
      ).toBe(200);
    }
    t.clock.advance(60_000);
    expect(
      (await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, { cookie, body: { status: 'done', expectedVersion: 1 } }))
        .status,
    ).toBe(409);
    expect(
      (await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, { cookie, body: { status: 'archived', expectedVersion: 5 } }))
        .status,
    ).toBe(400);
    expect(await trail(t, admin, reference)).toEqual([
      entry({ reference, at: times[0], actor: HEINOLA, action: 'update', detail: 'status' }),
      entry({ reference, at: times[1], actor: HEINOLA, action: 'update', detail: 'assign' }),
      entry({ reference, at: times[2], actor: HEINOLA, action: 'update', detail: 'note' }),
      entry({ reference, at: times[3], actor: HEINOLA, action: 'update', detail: 'status,assign,note' }),
    ]);
  });

  it('records a claim made from an emailed link under the mailbox it was sent to; opening or repeating the link records nothing', async () => {
    const t = await app();
    const reference = await submit(t);
    const admin = await signIn(t, ADMIN);
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent.find((m) => m.to.includes('kotoutumisohjaaja@heinola.fi'))!;
    const claim = new URL(/^Ota käsittelyyn: (\S+)$/m.exec(mail.text)![1]!).pathname;
    expect((await t.app.request(claim)).status).toBe(200);
    t.clock.advance(60_000);
    const at = t.clock.now().toISOString();
    expect((await staffRequest(t, 'POST', claim)).status).toBe(200);
    t.clock.advance(60_000);
    expect((await staffRequest(t, 'POST', claim)).status).toBe(200);
    expect(await trail(t, admin, reference)).toEqual([
      entry({ reference, at, actor: 'link:kotoutumisohjaaja@heinola.fi', action: 'update', detail: 'status,assign' }),
    ]);
  });

  it('records an export of answers for each exported submission, by whom and when; an export without answers records nothing', async () => {
    const t = await app();
    const exported = [await submit(t), await submit(t)];
    const elsewhere = await submit(t, 'orimattila');
    const cookie = await signIn(t, HEINOLA);
    const admin = await signIn(t, ADMIN);
    t.clock.advance(60_000);
    const at = t.clock.now().toISOString();
    const csv = await staffRequest(t, 'GET', '/api/staff/submissions.csv?municipality=heinola&form=guidance', { cookie });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Olena Kovalenko');
    for (const reference of exported)
      expect(await trail(t, admin, reference)).toEqual([entry({ reference, at, actor: HEINOLA, action: 'export' })]);
    expect(await trail(t, admin, elsewhere)).toEqual([]);

    // export-rows.ts audits only exports that carry answers (a form and a municipality chosen); the columns of any
    // other export are what the inbox list already shows, so they record no read.
    t.clock.advance(60_000);
    for (const query of ['', '?municipality=heinola', '?form=guidance']) {
      const listOnly = await staffRequest(t, 'GET', `/api/staff/submissions.csv${query}`, { cookie });
      expect(listOnly.status).toBe(200);
      const text = await listOnly.text();
      expect(text).toContain(exported[0]);
      expect(text).not.toContain('Olena Kovalenko');
    }
    for (const reference of exported)
      expect(await trail(t, admin, reference)).toEqual([entry({ reference, at, actor: HEINOLA, action: 'export' })]);
  });
});

describe('who may read the audit trail, and what reading it leaves', () => {
  it("keeps an admin to their own municipalities: another town's trail is not found, and that look records nothing", async () => {
    const t = await app();
    const heinola = await submit(t);
    const orimattila = await submit(t, 'orimattila');
    await t.deps.app.staff.put({
      email: 'admin.heinola@koto.local',
      name: 'Heinolan ylläpitäjä',
      role: 'admin',
      municipalities: ['heinola'],
    });
    const admin = await signIn(t, 'admin.heinola@koto.local');
    expect((await staffRequest(t, 'GET', `/api/admin/audit/${heinola}`, { cookie: admin })).status).toBe(200);
    const other = await staffRequest(t, 'GET', `/api/admin/audit/${orimattila}`, { cookie: admin });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: 'not_found' });
    expect(await stored(t, orimattila)).toEqual([]);
  });

  it('records each reading of the trail, by whom and when; the answer shows the trail as it was before that reading', async () => {
    const t = await app();
    const reference = await submit(t);
    const admin = await signIn(t, ADMIN);
    t.clock.advance(60_000);
    const first = t.clock.now().toISOString();
    const res = await staffRequest(t, 'GET', `/api/admin/audit/${reference}`, { cookie: admin });
    expect(((await res.json()) as { entries: Entry[] }).entries).toEqual([]);
    t.clock.advance(60_000);
    const second = await staffRequest(t, 'GET', `/api/admin/audit/${reference}`, { cookie: admin });
    expect(((await second.json()) as { entries: Entry[] }).entries).toEqual([
      entry({ reference, at: first, actor: ADMIN, action: 'audit' }),
    ]);
    expect(await stored(t, reference)).toHaveLength(2);
  });

  it('answers HEAD on every audited read with 405 and Allow: GET, and writes no audit entry', async () => {
    const t = await app();
    const reference = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const admin = await signIn(t, ADMIN);
    const reads: [string, string][] = [
      [cookie, `/api/staff/submissions/${reference}`],
      [cookie, '/api/staff/export?municipality=heinola&form=guidance'],
      [cookie, '/api/staff/submissions.csv?municipality=heinola&form=guidance'],
      [cookie, '/api/staff/search?q=Olena%20Kovalenko&municipality=heinola'],
      [admin, `/api/admin/audit/${reference}`],
    ];
    for (const [who, path] of reads) {
      // The same read by GET is audited: the HEAD below is refused, not merely unaudited by accident.
      const res = await staffRequest(t, 'HEAD', path, { cookie: who });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow'), path).toBe('GET');
    }
    expect(await stored(t, reference)).toEqual([]);
    for (const [who, path] of reads) expect((await staffRequest(t, 'GET', path, { cookie: who })).status, path).toBe(200);
    expect((await stored(t, reference)).map((e) => e.action).sort()).toEqual(['audit', 'export', 'export', 'read', 'search']);
  });
});
