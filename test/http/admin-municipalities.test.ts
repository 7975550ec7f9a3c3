import { describe, expect, it } from 'vitest';
import type { AdminMunicipalitiesResponse, AdminMunicipality, SaveMunicipalityRequest, ServicesResponse } from '../../schemas/src/index.js';
import { DynamoFormStore } from '../../functions/src/adapters/dynamo/dynamo-form-store.js';
import { DynamoMunicipalityStore } from '../../functions/src/adapters/dynamo/dynamo-municipality-store.js';
import { FormRegistry } from '../../functions/src/domain/form-registry.js';
import { FORM_REFRESH_MS } from '../../functions/src/domain/form-sync.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { LOCAL_AWS } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { createDocumentClient } from '../../functions/src/adapters/dynamo/table.js';
import { createApp } from '../../functions/src/http/app.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, getFollowing, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const LIST = '/api/admin/municipalities';
const HEINOLA_PATH = `${LIST}/heinola`;

async function asAdmin(existing?: T) {
  const t = existing ?? (await buildTestApp());
  await seedStaff(t);
  const cookie = await signIn(t, ADMIN);
  const call = (method: string, path: string, body?: unknown) => staffRequest(t, method, path, { cookie, body });
  const list = async () => {
    const res = await call('GET', LIST);
    expect(res.status).toBe(200);
    return (await res.json()) as AdminMunicipalitiesResponse;
  };
  const town = async (id = 'heinola') => (await list()).municipalities.find((m) => m.id === id)!;
  return { t, cookie, call, list, town };
}

/** The body that saves a municipality as it is, with `changes` on top. */
function saveBody(m: AdminMunicipality, changes: Partial<SaveMunicipalityRequest> = {}): SaveMunicipalityRequest {
  const { forms, routing, contact, walkIn, revision } = m;
  return { revision, forms, routing, contact, ...(walkIn ? { walkIn } : {}), ...changes };
}

async function services(t: T, municipality = 'heinola'): Promise<ServicesResponse> {
  const res = await t.app.request(`/api/forms?municipality=${municipality}&lang=fi`);
  expect(res.status).toBe(200);
  return (await res.json()) as ServicesResponse;
}

async function guidanceNext(t: T): Promise<string> {
  const res = await getFollowing(t.app, '/api/forms/guidance?municipality=heinola&lang=fi');
  expect(res.status).toBe(200);
  return ((await res.json()) as { next: string }).next;
}

const trail = async (t: T, id = 'heinola') =>
  (await t.deps.app.audit.list(`municipality:${id}`, t.clock.now())).map((e) => `${e.actor} ${e.action} ${e.detail}`);

describe('the admin municipalities API: the list', () => {
  it('lists every municipality as seeded from its file at revision 0, and the published forms one may offer', async () => {
    const { list } = await asAdmin();
    const { municipalities, forms } = await list();
    const file = catalog.municipalities.find((m) => m.id === 'heinola')!;
    expect(municipalities.map((m) => m.id)).toEqual(['heinola', 'orimattila']);
    expect(municipalities[0]).toEqual({
      id: 'heinola',
      name: 'Heinola',
      revision: 0,
      forms: file.forms,
      routing: file.routing,
      contact: file.contact,
      walkIn: file.walkIn,
    });
    expect(municipalities[1]!.walkIn).toBeNull();
    expect(forms.map((f) => f.id).sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
    expect(forms.find((f) => f.id === 'guidance')!.title).toBe(catalog.forms.find((f) => f.id === 'guidance')!.texts.fi!.title);
  });
});

describe('the admin municipalities API: saving', () => {
  it('saves contact and walk-in hours: residents see them at once in the services list and the next steps, audited by field', async () => {
    const { t, call, town } = await asAdmin();
    const before = await guidanceNext(t);
    const location = async () => (await t.app.request('/api/forms/guidance?municipality=heinola&lang=fi')).headers.get('location');
    const immutableUrl = await location();
    const heinola = await town();
    const walkIn = { weekday: 4, opens: '09:30', closes: '11:00', address: 'Kirjasto, Torikatu 1, 18100 Heinola' };
    const res = await call('PUT', HEINOLA_PATH, saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 3 849 3000' }, walkIn }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revision: 1 });

    const shown = await services(t);
    expect(shown.municipality.contact.phone).toBe('+358 3 849 3000');
    expect(shown.municipality.texts['walkIn']).toContain('torstai');
    expect(shown.municipality.texts['walkIn']).toContain('Kirjasto, Torikatu 1');
    const next = await guidanceNext(t);
    expect(next).not.toBe(before);
    expect(next).toContain('9.30');
    // The version's immutable URL carries a new texts tag, so no cache serves the old hours.
    expect(await location()).not.toBe(immutableUrl);
    expect(await town()).toMatchObject({ revision: 1, walkIn, savedBy: ADMIN, savedAt: t.clock.now().toISOString() });
    expect(await trail(t)).toEqual([`${ADMIN} save revision 1: contact.phone, walkIn`]);
  });

  it('offers fewer forms: a form no longer offered leaves the services list and its page answers 404', async () => {
    const { t, call, town } = await asAdmin();
    const heinola = await town();
    const { hobby: _hobby, ...routing } = heinola.routing;
    const res = await call('PUT', HEINOLA_PATH, saveBody(heinola, { forms: heinola.forms.filter((f) => f !== 'hobby'), routing }));
    expect(res.status).toBe(200);
    expect((await services(t)).forms.map((f) => f.id)).not.toContain('hobby');
    expect((await services(t, 'orimattila')).forms.map((f) => f.id)).toContain('hobby');
    const hobby = await t.app.request('/api/forms/hobby?municipality=heinola&lang=fi');
    expect(hobby.status).toBe(404);
    expect(await hobby.json()).toMatchObject({ error: 'unknown_form' });
    expect(await trail(t)).toEqual([`${ADMIN} save revision 1: forms, routing.hobby`]);
  });

  it('routes notifications to the mailboxes saved, without a restart', async () => {
    const { t, call, town } = await asAdmin();
    const heinola = await town();
    const routing = { ...heinola.routing, guidance: ['uusi.ohjaaja@heinola.fi'] };
    expect((await call('PUT', HEINOLA_PATH, saveBody(heinola, { routing }))).status).toBe(200);
    expect((await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody())).status).toBe(201);
    await notifyStaff(t.deps.notify);
    const recipients = t.mailer.sent.filter((m) => m.headers?.['X-Koto-Reference']).flatMap((m) => m.to);
    expect(recipients).toEqual(['uusi.ohjaaja@heinola.fi']);
  });

  it('refuses a save from a stale revision with 409 stale_revision and the revision now, overwriting nothing', async () => {
    const { t, call, town } = await asAdmin();
    const heinola = await town();
    const first = await call('PUT', HEINOLA_PATH, saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 1' } }));
    expect(first.status).toBe(200);
    const second = await call('PUT', HEINOLA_PATH, saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 2' } }));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: 'stale_revision', revision: 1 });
    expect((await services(t)).municipality.contact.phone).toBe('+358 1');
    // Two saves from the same revision at once: one wins.
    const now = await town();
    const both = await Promise.all(
      ['+358 3', '+358 4'].map((phone) => call('PUT', HEINOLA_PATH, saveBody(now, { contact: { ...now.contact, phone } }))),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await town()).revision).toBe(2);
    expect(await trail(t)).toHaveLength(2);
  });

  it('refuses settings the municipality file checks refuse with 400, saving nothing', async () => {
    const { t, call, town } = await asAdmin();
    // A form made but never published may not be offered.
    expect((await call('POST', '/api/admin/forms', { id: 'library-card' })).status).toBe(201);
    const heinola = await town();
    const orimattila = await town('orimattila');
    const bad: [string, SaveMunicipalityRequest | Record<string, unknown>, RegExp][] = [
      ['unpublished form', saveBody(heinola, { forms: [...heinola.forms, 'library-card'] }), /library-card/],
      ['unknown form', saveBody(heinola, { forms: [...heinola.forms, 'no-such-form'] }), /no-such-form/],
      ['routing of a form not offered', saveBody(heinola, { forms: heinola.forms.filter((f) => f !== 'hobby') }), /routing\.hobby/],
      ['a bad mailbox', saveBody(heinola, { routing: { ...heinola.routing, guidance: ['not a mailbox'] } }), /mailbox/],
      ['no mailbox', saveBody(heinola, { routing: { ...heinola.routing, guidance: [] } }), /routing/],
      ['a bad contact email', saveBody(heinola, { contact: { ...heinola.contact, email: 'kotoutuminen' } }), /contact/],
      ['a blank phone', saveBody(heinola, { contact: { ...heinola.contact, phone: ' ' } }), /phone/],
      ['closing before opening', saveBody(heinola, { walkIn: { ...heinola.walkIn!, opens: '15:00', closes: '12:00' } }), /closes/],
      ['a time that is none', saveBody(heinola, { walkIn: { ...heinola.walkIn!, opens: '25:00' } }), /opens/],
      ['weekday 8', saveBody(heinola, { walkIn: { ...heinola.walkIn!, weekday: 8 } }), /weekday/],
      ['a walk-in its texts need, removed', { ...saveBody(heinola), walkIn: null }, /walkIn/],
      ['a field that is not a setting', { ...saveBody(heinola), referencePrefix: 'XXX' }, /./],
      ['no revision', { forms: heinola.forms, routing: heinola.routing, contact: heinola.contact }, /revision/],
    ];
    for (const [what, body, message] of bad) {
      const res = await call('PUT', HEINOLA_PATH, body);
      expect(res.status, what).toBe(400);
      const error = (await res.json()) as { error: string; message: string };
      expect(error.error, what).toBe('invalid_request');
      expect(error.message, what).toMatch(message);
    }
    expect(await town()).toEqual(heinola);
    expect(await trail(t)).toEqual([]);
    // A town whose texts name no walk-in may have none, and gets one.
    expect((await call('PUT', `${LIST}/orimattila`, saveBody(orimattila, { walkIn: heinola.walkIn! }))).status).toBe(200);
    expect((await call('PUT', `${LIST}/orimattila`, { ...saveBody(await town('orimattila')), walkIn: null })).status).toBe(200);
    expect((await town('orimattila')).walkIn).toBeNull();
  });

  it('answers 404 for a municipality there is not, 400 for a body that is not JSON, 415 and 413', async () => {
    const { t, cookie, call, town } = await asAdmin();
    const heinola = await town();
    const missing = await call('PUT', `${LIST}/lahti`, saveBody(heinola));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'unknown_municipality' });
    const send = (body: string, type = 'application/json') =>
      t.app.request(HEINOLA_PATH, { method: 'PUT', headers: { origin: 'http://localhost:3000', cookie, 'content-type': type }, body });
    expect(await (await send('{')).json()).toMatchObject({ error: 'invalid_json' });
    expect((await send(JSON.stringify(saveBody(heinola)), 'text/plain')).status).toBe(415);
    expect(
      (await send(JSON.stringify({ ...saveBody(heinola), contact: { ...heinola.contact, address: 'x'.repeat(70_000) } }))).status,
    ).toBe(413);
    expect((await town()).revision).toBe(0);
  });
});

describe('the store holds the municipalities', () => {
  it('reaches another instance on the same table within the refresh interval', async () => {
    const { t, call, town } = await asAdmin();
    const other = await buildTestApp({ db: t.table.db, tableName: t.table.tableName });
    const heinola = await town();
    expect((await call('PUT', HEINOLA_PATH, saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 9 1' } }))).status).toBe(200);
    expect((await services(other)).municipality.contact.phone).toBe(heinola.contact.phone);
    other.clock.advance(FORM_REFRESH_MS);
    expect((await services(other)).municipality.contact.phone).toBe('+358 9 1');
  });

  it('is seeded from the files once: a restart serves what admins saved, not the files', async () => {
    const { t, call, town } = await asAdmin();
    const heinola = await town();
    expect((await call('PUT', HEINOLA_PATH, saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 9 2' } }))).status).toBe(200);
    const restarted = new FormRegistry(
      catalog,
      new DynamoFormStore(t.table.db, t.table.tableName),
      new DynamoMunicipalityStore(t.table.db, t.table.tableName),
    );
    const report = await restarted.start(t.clock.now());
    expect(report.municipalities).toEqual([]);
    expect(restarted.catalog.municipality('heinola').contact.phone).toBe('+358 9 2');
    // Texts stay the files'.
    expect(restarted.catalog.municipality('heinola').texts).toEqual(catalog.municipalities.find((m) => m.id === 'heinola')!.texts);
  });
});

describe('the admin municipalities API: access', () => {
  it('refuses staff with 403 and anonymous callers with 401, and a change from another site with 403, changing nothing', async () => {
    const { t, cookie, town } = await asAdmin();
    const heinola = await town();
    const staff = await signIn(t, HEINOLA);
    const body = saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 0' } });
    for (const [method, path, sent] of [
      ['GET', LIST, undefined],
      ['PUT', HEINOLA_PATH, body],
    ] as const) {
      expect((await staffRequest(t, method, path, { body: sent })).status, `anonymous ${method}`).toBe(401);
      expect((await staffRequest(t, method, path, { cookie: staff, body: sent })).status, `staff ${method}`).toBe(403);
      if (method !== 'GET')
        expect((await staffRequest(t, method, path, { cookie, body: sent, origin: 'https://evil.example' })).status, 'cross-site').toBe(
          403,
        );
    }
    expect((await town()).revision).toBe(0);
    expect(await trail(t)).toEqual([]);
  });

  it('answers 503 unavailable when the municipalities cannot be read or saved, leaking nothing and saving nothing', async () => {
    const { t, cookie, town } = await asAdmin();
    const heinola = await town();
    const dead = createDocumentClient({ ...LOCAL_AWS, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    const registry = new FormRegistry(
      catalog,
      new DynamoFormStore(t.table.db, t.table.tableName),
      new DynamoMunicipalityStore(dead, t.table.tableName),
    );
    const app = createApp({ ...t.deps.app, registry });
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', saveBody(heinola, { contact: { ...heinola.contact, phone: '+358 0' } })],
    ] as const) {
      const res = await app.request(method === 'GET' ? LIST : HEINOLA_PATH, {
        method,
        headers: { origin: 'http://localhost:3000', cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.status, method).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'unavailable' });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
    expect((await town()).revision).toBe(0);
    expect(await trail(t)).toEqual([]);
  });
});
