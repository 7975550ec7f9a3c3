import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
type Found = { kind: string; items: { reference: string; municipality: string; status: string }[] };
type Entry = { reference: string; actor: string; action: string; detail?: string };

async function app() {
  const t = await buildTestApp();
  await seedStaff(t);
  return t;
}

async function submit(t: T, answers: Record<string, unknown> = {}, municipality = 'heinola'): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }, answers));
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

const search = (t: T, cookie: string, q: string, extra = '') =>
  staffRequest(t, 'GET', `/api/staff/search?q=${encodeURIComponent(q)}${extra}`, { cookie });

async function found(t: T, cookie: string, q: string): Promise<string[]> {
  const res = await search(t, cookie, q);
  expect(res.status).toBe(200);
  return ((await res.json()) as Found).items.map((i) => i.reference);
}

async function scanAll(t: T): Promise<Record<string, { S?: string; N?: string }>[]> {
  const items: Record<string, { S?: string; N?: string }>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await t.table.client.send(new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Record<string, { S?: string; N?: string }>[]));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

/** Olena (phone), Омар with a Latin name (email), and someone else in the same town. */
async function residents(t: T) {
  const olena = await submit(t);
  const omar = await submit(t, {
    fullName: 'Омар Хайям',
    latinName: 'Omar Khayyam',
    contactWay: 'email',
    phone: undefined,
    email: 'Omar.Khayyam@Example.com',
  });
  const other = await submit(t, { fullName: 'Matti Meikäläinen', latinName: undefined, phone: '050 765 4321' });
  return { olena, omar, other };
}

describe('staff search for a resident', () => {
  it('finds by the whole name, one word of it, the first letters of a word, and the Latin spelling', async () => {
    const t = await app();
    const { olena, omar, other } = await residents(t);
    const cookie = await signIn(t, HEINOLA);
    expect(await found(t, cookie, 'Olena Kovalenko')).toEqual([olena]);
    expect(await found(t, cookie, 'olena')).toEqual([olena]);
    expect(await found(t, cookie, 'KOVAL')).toEqual([olena]);
    expect(await found(t, cookie, 'Omar')).toEqual([omar]);
    expect(await found(t, cookie, 'Хайям')).toEqual([omar]);
    expect(await found(t, cookie, 'meikalainen')).toEqual([other]);
    expect(await found(t, cookie, 'Olena Meikäläinen')).toEqual([]);
    expect(await found(t, cookie, 'Petra')).toEqual([]);
  });

  it('finds by a phone number however it is written, Arabic digits included', async () => {
    const t = await app();
    const { olena } = await residents(t);
    const cookie = await signIn(t, HEINOLA);
    for (const q of ['0401234567', '+358 40 123 4567', '040-123 45 67', '00358401234567', '٠٤٠ ١٢٣ ٤٥٦٧', '۰۴۰۱۲۳۴۵۶۷']) {
      expect(await found(t, cookie, q), q).toEqual([olena]);
    }
    const res = await search(t, cookie, '040 123 4567');
    expect(((await res.json()) as Found).kind).toBe('phone');
    expect(await found(t, cookie, '040 123 4568')).toEqual([]);
  });

  it('finds by email in any case, and lists the newest first', async () => {
    const t = await app();
    const { omar } = await residents(t);
    const again = await submit(t, { fullName: 'Omar K', contactWay: 'email', phone: undefined, email: 'omar.khayyam@example.com' });
    const cookie = await signIn(t, HEINOLA);
    expect(await found(t, cookie, 'OMAR.KHAYYAM@example.COM')).toEqual([again, omar]);
    expect(await found(t, cookie, 'omar@example.com')).toEqual([]);
  });

  it("never finds another municipality's submission; admins search all of theirs", async () => {
    const t = await app();
    const heinola = await submit(t);
    const orimattila = await submit(t, {}, 'orimattila');
    expect(await found(t, await signIn(t, ORIMATTILA), 'Olena')).toEqual([orimattila]);
    const cookie = await signIn(t, HEINOLA);
    expect(await found(t, cookie, '0401234567')).toEqual([heinola]);
    expect((await search(t, cookie, 'Olena', '&municipality=orimattila')).status).toBe(403);
    expect((await found(t, await signIn(t, ADMIN), 'Olena')).sort()).toEqual([heinola, orimattila].sort());
  });

  it('records who searched which municipality and found what, never the query', async () => {
    const t = await app();
    const { olena } = await residents(t);
    await search(t, await signIn(t, HEINOLA), '040 123 4567');
    const items = await scanAll(t);
    const audits = items.filter((i) => i['pk']?.S?.startsWith('AUDIT#'));
    const own = audits.find((i) => i['pk']?.S === 'AUDIT#search:heinola');
    expect(own).toMatchObject({ actor: { S: HEINOLA }, action: { S: 'search' }, detail: { S: `phone: 1 (${olena})` } });
    // The query is in no item but the submission's own answers.
    for (const item of items.filter((i) => i['type']?.S !== 'submission')) {
      const stored = JSON.stringify(item);
      expect(stored).not.toMatch(/0401234567|040 123 4567|kovalenko/i);
    }
    const trail = await staffRequest(t, 'GET', `/api/admin/audit/${olena}`, { cookie: await signIn(t, ADMIN) });
    const entries = ((await trail.json()) as { entries: Entry[] }).entries;
    expect(entries).toContainEqual(expect.objectContaining({ actor: HEINOLA, action: 'search', detail: 'phone' }));
  });

  it('keeps no name, number or address in any search key', async () => {
    const t = await app();
    await residents(t);
    const keys = (await scanAll(t)).filter((i) => i['pk']?.S?.startsWith('SEARCH#'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key['pk']?.S).toMatch(/^SEARCH#heinola#[0-9a-f]{64}$/);
      expect(Object.keys(key).sort()).toEqual(['expiresAt', 'pk', 'reference', 'sk', 'type']);
    }
  });

  it('no longer finds a submission once its retention has ended, and the sweep takes its keys', async () => {
    const t = await app();
    await residents(t);
    t.clock.advance(366 * 86_400_000);
    expect(await found(t, await signIn(t, HEINOLA), 'Olena')).toEqual([]);
    await t.deps.app.store.deleteExpired(t.clock.now());
    expect((await scanAll(t)).filter((i) => i['pk']?.S?.startsWith('SEARCH#'))).toEqual([]);
  });

  it('answers 400 for an empty, too long, control-character or unreadable query', async () => {
    const t = await app();
    const cookie = await signIn(t, HEINOLA);
    for (const q of ['', '   ', 'x'.repeat(101), 'Olena\u0000', 'Ole\u200Bna', '12', '---', '+358 40 123 4567 8901 234']) {
      const res = await search(t, cookie, q);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect((await staffRequest(t, 'GET', '/api/staff/search', { cookie })).status).toBe(400);
  });

  it('is for signed-in staff only', async () => {
    const t = await app();
    expect((await staffRequest(t, 'GET', '/api/staff/search?q=Olena')).status).toBe(401);
  });
});
