import { describe, expect, it } from 'vitest';
import type { StaffListResponse } from '../../schemas/src/index.js';
import { DynamoStaffDirectory } from '../../functions/src/adapters/dynamo/dynamo-staff-directory.js';
import { LOCAL_AWS } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { createDocumentClient } from '../../functions/src/adapters/dynamo/table.js';
import { createApp } from '../../functions/src/http/app.js';
import type { StaffDirectory } from '../../functions/src/domain/ports.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const STAFF = '/api/admin/staff';
const ADVISOR = 'marianna.kemppi@heinola.fi';
const advisor = { name: 'Marianna Kemppi', role: 'staff', municipalities: ['heinola', 'orimattila'] };

/** An app with the local accounts, and requests as its signed-in admin. */
async function asAdmin(existing?: T) {
  const t = existing ?? (await buildTestApp());
  await seedStaff(t);
  const cookie = await signIn(t, ADMIN);
  const call = (method: string, path: string, body?: unknown) => staffRequest(t, method, path, { cookie, body });
  const list = async () => {
    const res = await call('GET', STAFF);
    expect(res.status).toBe(200);
    return ((await res.json()) as StaffListResponse).staff;
  };
  return { t, cookie, call, list };
}

const staffTrail = async (t: T) => (await t.deps.app.audit.list('staff', t.clock.now())).map((e) => `${e.actor} ${e.action} ${e.detail}`);

describe('the admin staff API: the list', () => {
  it('lists everyone with email, name, role and municipalities, in email order', async () => {
    const { list } = await asAdmin();
    expect(await list()).toEqual([
      { email: ADMIN, name: expect.any(String), role: 'admin', municipalities: ['heinola', 'orimattila'] },
      { email: HEINOLA, name: expect.any(String), role: 'staff', municipalities: ['heinola'] },
      { email: ORIMATTILA, name: expect.any(String), role: 'staff', municipalities: ['orimattila'] },
    ]);
  });

  it('lists by a query on the index key STAFF: no submission is read however many there are', async () => {
    const { t, list } = await asAdmin();
    // A submission lives under MUN#<town> in the same index; the list never sees it.
    expect((await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody())).status).toBe(201);
    expect((await list()).map((m) => m.email)).toEqual([ADMIN, HEINOLA, ORIMATTILA]);
  });
});

describe('the admin staff API: adding and changing a person', () => {
  it('adds a person who can then sign in, and audits who added whom', async () => {
    const { t, call, list } = await asAdmin();
    const res = await call('PUT', `${STAFF}/${encodeURIComponent('Marianna.Kemppi@Heinola.fi')}`, advisor);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email: ADVISOR, ...advisor });
    expect(await list()).toContainEqual({ email: ADVISOR, ...advisor });
    const cookie = await signIn(t, ADVISOR);
    const me = await staffRequest(t, 'GET', '/api/auth/me', { cookie });
    expect(await me.json()).toEqual({ email: ADVISOR, ...advisor });
    expect(await staffTrail(t)).toEqual([`${ADMIN} add ${ADVISOR}: role staff, municipalities heinola, orimattila`]);
  });

  it('changes name, role and municipalities; the person’s session sees the change at its next request', async () => {
    const { t, call } = await asAdmin();
    const staffCookie = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', STAFF, { cookie: staffCookie })).status).toBe(403);
    const res = await call('PUT', `${STAFF}/${HEINOLA}`, { name: 'Uusi Nimi', role: 'admin', municipalities: ['orimattila'] });
    expect(res.status).toBe(200);
    expect((await staffRequest(t, 'GET', STAFF, { cookie: staffCookie })).status).toBe(200);
    expect(await (await staffRequest(t, 'GET', '/api/auth/me', { cookie: staffCookie })).json()).toMatchObject({
      name: 'Uusi Nimi',
      role: 'admin',
      municipalities: ['orimattila'],
    });
    // Field names and roles, never the name itself.
    expect(await staffTrail(t)).toEqual([`${ADMIN} change ${HEINOLA}: name; role staff → admin; municipalities heinola → orimattila`]);
  });

  it('refuses an address that is not one, a role other than staff or admin, and unknown or no municipalities with 400', async () => {
    const { t, call, list } = await asAdmin();
    const before = await list();
    const bad: [string, unknown, RegExp][] = [
      ['not-an-email', advisor, /email/],
      [ADVISOR, { ...advisor, role: 'owner' }, /role/],
      [ADVISOR, { ...advisor, municipalities: ['lahti'] }, /lahti/],
      [ADVISOR, { ...advisor, municipalities: [] }, /municipalities/],
      [ADVISOR, { ...advisor, name: '   ' }, /name/],
      [ADVISOR, { ...advisor, extra: true }, /./],
      [ADVISOR, { name: 'Marianna' }, /role|municipalities/],
    ];
    for (const [email, body, message] of bad) {
      const res = await call('PUT', `${STAFF}/${encodeURIComponent(email)}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()) as { error: string; message: string };
      expect(error.error).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
    expect(await list()).toEqual(before);
    expect(await staffTrail(t)).toEqual([]);
  });

  it('refuses a body that is not JSON (400), another content type (415) and a large body (413)', async () => {
    const { t, cookie } = await asAdmin();
    const path = `${STAFF}/${ADVISOR}`;
    const send = (body: string, type = 'application/json') =>
      t.app.request(path, { method: 'PUT', headers: { origin: 'http://localhost:3000', cookie, 'content-type': type }, body });
    expect(await (await send('{')).json()).toMatchObject({ error: 'invalid_json' });
    expect((await send(JSON.stringify(advisor), 'text/plain')).status).toBe(415);
    const large = await send(JSON.stringify({ ...advisor, name: 'x'.repeat(9000) }));
    expect(large.status).toBe(413);
    expect(await t.deps.app.staff.get(ADVISOR)).toBeUndefined();
  });

  it('refuses to make the last admin staff with 409 last_admin, and allows it once there is another admin', async () => {
    const { t, call } = await asAdmin();
    const demote = { name: 'Ylläpitäjä', role: 'staff', municipalities: ['heinola'] };
    const res = await call('PUT', `${STAFF}/${ADMIN}`, demote);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'last_admin' });
    expect(await t.deps.app.staff.get(ADMIN)).toMatchObject({ role: 'admin' });
    expect((await call('PUT', `${STAFF}/${ADVISOR}`, { ...advisor, role: 'admin' })).status).toBe(200);
    expect((await call('PUT', `${STAFF}/${ADMIN}`, demote)).status).toBe(200);
    expect(await t.deps.app.staff.get(ADMIN)).toMatchObject({ role: 'staff' });
  });
});

describe('the admin staff API: removing a person', () => {
  it('removes a person (204) and ends their sessions: their cookie gets 401 at once, also after they are added again', async () => {
    const { t, call, list } = await asAdmin();
    const session = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: session })).status).toBe(200);
    const res = await call('DELETE', `${STAFF}/${HEINOLA}`);
    expect(res.status).toBe(204);
    expect((await list()).map((m) => m.email)).toEqual([ADMIN, ORIMATTILA]);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: session })).status).toBe(401);
    expect((await staffRequest(t, 'GET', '/api/staff/submissions', { cookie: session })).status).toBe(401);
    // Added again later: the old session stays ended, a new sign-in works.
    t.clock.advance(60_000);
    expect((await call('PUT', `${STAFF}/${HEINOLA}`, { name: 'Palannut', role: 'staff', municipalities: ['heinola'] })).status).toBe(200);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: session })).status).toBe(401);
    const again = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: again })).status).toBe(200);
    expect(await staffTrail(t)).toEqual(
      expect.arrayContaining([
        `${ADMIN} remove ${HEINOLA}: role staff, municipalities heinola`,
        expect.stringContaining(`${ADMIN} add ${HEINOLA}`),
      ]),
    );
  });

  it('answers 404 for someone not in the directory', async () => {
    const { t, call } = await asAdmin();
    const res = await call('DELETE', `${STAFF}/nobody@heinola.fi`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    expect(await staffTrail(t)).toEqual([]);
  });

  it('refuses to remove the last admin with 409 last_admin, the admin removing themselves included', async () => {
    const { t, cookie, call } = await asAdmin();
    const res = await call('DELETE', `${STAFF}/${ADMIN}`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'last_admin' });
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect(await staffTrail(t)).toEqual([]);
  });

  it('lets an admin remove themselves when another admin remains, ending their own session', async () => {
    const { t, cookie, call, list } = await asAdmin();
    expect((await call('PUT', `${STAFF}/${ADVISOR}`, { ...advisor, role: 'admin' })).status).toBe(200);
    expect((await call('DELETE', `${STAFF}/${ADMIN}`)).status).toBe(204);
    expect((await staffRequest(t, 'GET', STAFF, { cookie })).status).toBe(401);
    expect((await list().catch(() => [])).length).toBe(0);
    const other = await signIn(t, ADVISOR);
    const rest = ((await (await staffRequest(t, 'GET', STAFF, { cookie: other })).json()) as StaffListResponse).staff;
    expect(rest.filter((m) => m.role === 'admin').map((m) => m.email)).toEqual([ADVISOR]);
  });

  it('keeps an admin when two admins remove each other at once: the one that leaves nobody is undone', async () => {
    const { t, call } = await asAdmin();
    expect((await call('PUT', `${STAFF}/${ADVISOR}`, { ...advisor, role: 'admin' })).status).toBe(200);
    const other = await signIn(t, ADVISOR);
    // Both checks see another admin before either removal lands.
    const [a, b] = await Promise.all([
      call('DELETE', `${STAFF}/${ADVISOR}`),
      staffRequest(t, 'DELETE', `${STAFF}/${ADMIN}`, { cookie: other }),
    ]);
    const statuses = [a.status, b.status].sort();
    // Whichever lands first may end the other's session before its request is read (401).
    expect(statuses.every((s) => s === 204 || s === 401 || s === 409)).toBe(true);
    expect(statuses).not.toEqual([204, 204]);
    expect((await t.deps.app.staff.list()).filter((m) => m.role === 'admin').length).toBeGreaterThanOrEqual(1);
  });
});

describe('the admin staff API: access and storage', () => {
  it('refuses staff with 403 and anonymous callers with 401, and a change from another site with 403, changing nothing', async () => {
    const { t, cookie } = await asAdmin();
    const staff = await signIn(t, HEINOLA);
    const requests: [string, string, unknown][] = [
      ['GET', STAFF, undefined],
      ['PUT', `${STAFF}/${ADVISOR}`, advisor],
      ['DELETE', `${STAFF}/${ORIMATTILA}`, undefined],
    ];
    for (const [method, path, body] of requests) {
      expect((await staffRequest(t, method, path, { body })).status, `anonymous ${method} ${path}`).toBe(401);
      expect((await staffRequest(t, method, path, { cookie: staff, body })).status, `staff ${method} ${path}`).toBe(403);
      if (method !== 'GET')
        expect(
          (await staffRequest(t, method, path, { cookie, body, origin: 'https://evil.example' })).status,
          `cross-site ${method} ${path}`,
        ).toBe(403);
    }
    expect(await t.deps.app.staff.get(ADVISOR)).toBeUndefined();
    expect(await t.deps.app.staff.get(ORIMATTILA)).toBeDefined();
    expect(await staffTrail(t)).toEqual([]);
  });

  it('answers 503 unavailable when the directory cannot be read or written, leaking nothing', async () => {
    const { t, cookie } = await asAdmin();
    const dead = new DynamoStaffDirectory(
      createDocumentClient({ ...LOCAL_AWS, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
      t.table.tableName,
    );
    const live = t.deps.app.staff;
    // Sessions still resolve; the directory's list and writes fail.
    const staff: StaffDirectory = {
      get: (e) => live.get(e),
      list: () => dead.list(),
      put: (m, at) => dead.put(m, at),
      remove: (e) => dead.remove(e),
      restore: (r) => dead.restore(r),
    };
    const app = createApp({ ...t.deps.app, staff });
    for (const [method, path, body] of [
      ['GET', STAFF, undefined],
      ['PUT', `${STAFF}/${ADVISOR}`, advisor],
      ['DELETE', `${STAFF}/${HEINOLA}`, undefined],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: { origin: 'http://localhost:3000', cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'unavailable' });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
    expect(await live.get(HEINOLA)).toBeDefined();
    expect(await staffTrail(t)).toEqual([]);
  });
});
