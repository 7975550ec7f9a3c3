import { validatorSource } from '../../schemas/src/validator-source.js';
import { describe, expect, it } from 'vitest';
import type { DraftResponse, FormDefinition, VersionsResponse } from '../../schemas/src/index.js';
import { FORM_REFRESH_MS } from '../../functions/src/domain/form-sync.js';
import { FORM_VERSION_GRACE_DAYS } from '../../functions/src/entry/build-deps.js';
import { DynamoFormStore } from '../../functions/src/adapters/dynamo/dynamo-form-store.js';
import { FormRegistry } from '../../functions/src/domain/form-registry.js';
import { freshTable, useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { GUIDANCE_VERSION, buildTestApp, catalog, getFollowing, guidanceBody, postJson, storedSubmissions } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const GUIDANCE = '/api/admin/forms/guidance';

/** An app (a new one, or `existing`) with the local accounts, and requests as its signed-in admin. */
async function asAdmin(existing?: T) {
  const app = existing ?? (await buildTestApp());
  await seedStaff(app);
  const cookie = await signIn(app, ADMIN);
  const call = (method: string, path: string, body?: unknown) => staffRequest(app, method, path, { cookie, body });
  return { t: app, cookie, call };
}

async function draftOf(call: Awaited<ReturnType<typeof asAdmin>>['call'], path = GUIDANCE): Promise<DraftResponse> {
  const res = await call('GET', `${path}/draft`);
  expect(res.status).toBe(200);
  return (await res.json()) as DraftResponse;
}

/** The guidance form's Arabic title as a resident of Heinola is served it now. */
async function arabicTitle(t: T): Promise<string> {
  const res = await getFollowing(t.app, '/api/forms/guidance?municipality=heinola&lang=ar');
  expect(res.status).toBe(200);
  return ((await res.json()) as { title: string }).title;
}

/** Saves the draft with the Arabic title changed, and returns the revision saved. */
async function retitleArabic(call: Awaited<ReturnType<typeof asAdmin>>['call'], title: string): Promise<number> {
  const { definition, revision } = await draftOf(call);
  definition.texts.ar!.title = title;
  const res = await call('PUT', `${GUIDANCE}/draft`, { definition, revision });
  expect(res.status).toBe(200);
  return ((await res.json()) as { revision: number }).revision;
}

describe('the admin forms API: the list', () => {
  it('lists every form seeded from schemas/ with its current version, languages and the towns that offer it', async () => {
    const { call } = await asAdmin();
    const res = await call('GET', '/api/admin/forms');
    expect(res.status).toBe(200);
    const { forms } = (await res.json()) as { forms: Record<string, unknown>[] };
    expect(forms.map((f) => f['id']).sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
    const guidance = forms.find((f) => f['id'] === 'guidance')!;
    expect(guidance).toMatchObject({
      version: GUIDANCE_VERSION,
      draftDiffers: false,
      draftRevision: 0,
      municipalities: ['heinola', 'orimattila'],
    });
    expect(guidance['languages']).toContainEqual({ lang: 'fi', reviewed: true, offered: true });
    expect(guidance['languages']).toContainEqual({ lang: 'ar', reviewed: false, offered: true });
  });
});

describe('the admin forms API: a new form', () => {
  it('creates a draft from a template that passes the lint, lists it unpublished, and refuses the id a second time', async () => {
    const { t, call } = await asAdmin();
    const res = await call('POST', '/api/admin/forms', { id: 'library-card' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as DraftResponse;
    expect(created.revision).toBe(1);
    expect(created.definition.id).toBe('library-card');
    expect(created.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const listed = ((await (await call('GET', '/api/admin/forms')).json()) as { forms: Record<string, unknown>[] }).forms;
    expect(listed.find((f) => f['id'] === 'library-card')).toMatchObject({
      version: null,
      draftDiffers: true,
      draftRevision: 1,
      municipalities: [],
    });
    for (const id of ['library-card', 'guidance']) {
      const again = await call('POST', '/api/admin/forms', { id });
      expect(again.status, id).toBe(409);
      expect(await again.json()).toMatchObject({ error: 'form_exists' });
    }
    expect((await draftOf(call, '/api/admin/forms/library-card')).revision).toBe(1);
    // Publishing makes it a version; no municipality offers it yet, so residents do not see it.
    expect((await call('POST', '/api/admin/forms/library-card/publish', { note: 'First version.' })).status).toBe(201);
    expect((await t.app.request('/api/forms/library-card?municipality=heinola&lang=fi')).status).toBe(404);
  });

  it('refuses an id that is not lowercase letters, digits and hyphens with 400, creating nothing', async () => {
    const { call } = await asAdmin();
    for (const id of ['', 'Guidance', 'new_form', 'x'.repeat(41), '-x', '../etc', 'form#1']) {
      const res = await call('POST', '/api/admin/forms', { id });
      expect(res.status, id).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    const listed = ((await (await call('GET', '/api/admin/forms')).json()) as { forms: unknown[] }).forms;
    expect(listed).toHaveLength(5);
  });
});

describe('the admin forms API: the draft', () => {
  it('starts as the current version at revision 0, saves revision by revision, and refuses a stale save with 409 stale_revision', async () => {
    const { call } = await asAdmin();
    const start = await draftOf(call);
    expect(start).toMatchObject({ revision: 0, problems: [] });
    expect(start.definition.version).toBe(GUIDANCE_VERSION);
    const mine = structuredClone(start.definition);
    mine.texts.fi!.title = 'Ohjaus ja neuvonta (uusi)';
    const saved = await call('PUT', `${GUIDANCE}/draft`, { definition: mine, revision: 0 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ revision: 1, problems: [] });
    // A second admin who read revision 0 saves: refused, and the first admin's text stays.
    const theirs = structuredClone(start.definition);
    theirs.texts.fi!.title = 'Toisen ylläpitäjän otsikko';
    const stale = await call('PUT', `${GUIDANCE}/draft`, { definition: theirs, revision: 0 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'stale_revision', revision: 1 });
    const now = await draftOf(call);
    expect(now.revision).toBe(1);
    expect(now.definition.texts.fi!.title).toBe('Ohjaus ja neuvonta (uusi)');
  });

  it('saves a draft with problems and says what they are, without blocking the save', async () => {
    const { call } = await asAdmin();
    const { definition } = await draftOf(call);
    delete definition.texts.en!.fields['fullName'];
    const res = await call('PUT', `${GUIDANCE}/draft`, { definition, revision: 0 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { revision: number; problems: { severity: string; message: string }[] };
    expect(body.revision).toBe(1);
    expect(body.problems.some((p) => p.severity === 'error' && /fullName/.test(p.message))).toBe(true);
  });

  it('refuses with 400 a body that is not a definition of this form, and with 413 one over 256 KiB, changing nothing', async () => {
    const { call } = await asAdmin();
    const { definition } = await draftOf(call);
    const bodies: unknown[] = [
      { definition: 'not an object', revision: 0 },
      { definition: [], revision: 0 },
      { definition, revision: -1 },
      { definition },
      { definition: { ...definition, id: 'hobby' }, revision: 0 },
      { definition: { ...definition, schema: 'x' }, revision: 0 },
      { definition: { ...definition, texts: undefined }, revision: 0 },
      { definition, revision: 0, extra: true },
    ];
    for (const body of bodies) {
      const res = await call('PUT', `${GUIDANCE}/draft`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    const huge = structuredClone(definition);
    huge.texts.fi!.description = 'x'.repeat(300 * 1024);
    const tooLarge = await call('PUT', `${GUIDANCE}/draft`, { definition: huge, revision: 0 });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'payload_too_large' });
    expect((await draftOf(call)).revision).toBe(0);
    expect(
      (await call('PUT', '/api/admin/forms/nosuchform/draft', { definition: { ...definition, id: 'nosuchform' }, revision: 0 })).status,
    ).toBe(404);
  });
});

describe('the admin forms API: publishing', () => {
  it('publishes the draft as the next version, which residents are served at once, and lists it with who, when and why', async () => {
    const { t, call } = await asAdmin();
    const before = await arabicTitle(t);
    await retitleArabic(call, 'الإرشاد والمشورة للجميع');
    // Saved but not published: residents still get the current version.
    expect(await arabicTitle(t)).toBe(before);
    const res = await call('POST', `${GUIDANCE}/publish`, { note: 'Clearer Arabic title.' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ version: GUIDANCE_VERSION + 1 });
    expect(await arabicTitle(t)).toBe('الإرشاد والمشورة للجميع');
    const versions = (await (await call('GET', `${GUIDANCE}/versions`)).json()) as VersionsResponse;
    expect(versions.current).toBe(GUIDANCE_VERSION + 1);
    expect(versions.versions.at(-1)).toEqual({
      version: GUIDANCE_VERSION + 1,
      publishedAt: t.clock.now().toISOString(),
      publishedBy: ADMIN,
      note: 'Clearer Arabic title.',
    });
    const published = (await (await call('GET', `${GUIDANCE}/versions/${GUIDANCE_VERSION + 1}`)).json()) as FormDefinition;
    expect(published.version).toBe(GUIDANCE_VERSION + 1);
    expect(published.texts.ar!.title).toBe('الإرشاد والمشورة للجميع');
    const listed = ((await (await call('GET', '/api/admin/forms')).json()) as { forms: Record<string, unknown>[] }).forms;
    expect(listed.find((f) => f['id'] === 'guidance')).toMatchObject({ version: GUIDANCE_VERSION + 1, draftDiffers: false });
  });

  it('serves each version’s validator module, immutable, generated when the version was published', async () => {
    const { t, call } = await asAdmin();
    const url = (v: number | string) => `/api/forms/guidance/versions/${v}/validator.mjs`;
    const first = await t.app.request(url(GUIDANCE_VERSION));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const before = await first.text();
    expect(before).toMatch(/^export default function \w+\(\w+\)\{/m);
    const { definition, revision } = await draftOf(call);
    (definition.schema.properties!['message'] as Record<string, unknown>)['maxLength'] = 1234;
    expect((await call('PUT', `${GUIDANCE}/draft`, { definition, revision })).status).toBe(200);
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'Shorter messages.' })).status).toBe(201);
    const next = await (await t.app.request(url(GUIDANCE_VERSION + 1))).text();
    expect(next).toContain('1234');
    expect(before).not.toContain('1234');
    expect(await (await t.app.request(url(GUIDANCE_VERSION))).text()).toBe(before);
    for (const v of [999, 0, 'abc', '1.5']) {
      const missing = await t.app.request(url(v));
      expect(missing.status, String(v)).toBe(404);
      expect(missing.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses to publish a form whose validator would need an ajv helper the page does not carry', async () => {
    const { call } = await asAdmin();
    const path = '/api/admin/forms/hobby';
    const { definition, revision } = await draftOf(call, path);
    // Hobby's children listed unique: sound to the lint, but ajv compares objects with its `equal` helper, which the page lacks.
    (definition.schema.properties!['children'] as Record<string, unknown>)['uniqueItems'] = true;
    const saved = (await (await call('PUT', `${path}/draft`, { definition, revision })).json()) as { problems: unknown[] };
    // The draft says so when it is saved, not only when it is published.
    expect(saved.problems).toEqual([expect.objectContaining({ code: 'validator_runtime', path: '/schema', severity: 'error' })]);
    const res = await call('POST', `${path}/publish`, { note: 'Unique children.' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { problems: { code: string; path: string; severity: string }[] };
    expect(body.problems).toEqual([expect.objectContaining({ code: 'validator_runtime', path: '/schema', severity: 'error' })]);
  });

  it('refuses a draft with lint errors with 422 lint_failed and its problems, publishing nothing', async () => {
    const { t, call } = await asAdmin();
    const before = await arabicTitle(t);
    const { definition } = await draftOf(call);
    definition.texts.ar!.title = 'لن يُنشر';
    (definition.schema.properties!['fullName'] as Record<string, unknown>)['type'] = 'strin';
    expect((await call('PUT', `${GUIDANCE}/draft`, { definition, revision: 0 })).status).toBe(200);
    const res = await call('POST', `${GUIDANCE}/publish`, { note: 'Broken.' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problems: { path: string; severity: string; code: string; message: string }[] };
    expect(body.error).toBe('lint_failed');
    expect(body.problems.length).toBeGreaterThan(0);
    for (const p of body.problems)
      expect(p).toEqual({ path: expect.any(String), severity: expect.any(String), code: expect.any(String), message: expect.any(String) });
    expect(await arabicTitle(t)).toBe(before);
    expect(((await (await call('GET', `${GUIDANCE}/versions`)).json()) as VersionsResponse).current).toBe(GUIDANCE_VERSION);
  });

  it('refuses a catastrophic-backtracking pattern with 422 unsafe_pattern at its path, leaving the live form as it was', async () => {
    const { t, call } = await asAdmin();
    const before = await arabicTitle(t);
    const { definition, revision } = await draftOf(call);
    definition.texts.ar!.title = 'لن يُنشر';
    (definition.schema.properties!['fullName'] as Record<string, unknown>)['pattern'] = '^(a+)+$';
    const saved = (await (await call('PUT', `${GUIDANCE}/draft`, { definition, revision })).json()) as {
      problems: { code: string; path: string }[];
    };
    expect(saved.problems).toContainEqual(expect.objectContaining({ code: 'unsafe_pattern', path: '/schema/properties/fullName/pattern' }));
    const res = await call('POST', `${GUIDANCE}/publish`, { note: 'Slow pattern.' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problems: { code: string; path: string; severity: string }[] };
    expect(body.error).toBe('lint_failed');
    expect(body.problems).toContainEqual(
      expect.objectContaining({ code: 'unsafe_pattern', path: '/schema/properties/fullName/pattern', severity: 'error' }),
    );
    expect(await arabicTitle(t)).toBe(before);
    expect(((await (await call('GET', `${GUIDANCE}/versions`)).json()) as VersionsResponse).current).toBe(GUIDANCE_VERSION);
  });

  it('warns, without blocking, that a removed question changes the next export', async () => {
    const { call } = await asAdmin();
    const { definition, revision } = await draftOf(call);
    delete definition.schema.properties!['birthYear'];
    for (const lang of Object.keys(definition.texts) as (keyof typeof definition.texts)[])
      delete definition.texts[lang]!.fields['birthYear'];
    const steps = definition.uiSchema['ui:steps'] as { fields: string[] }[];
    for (const step of steps) step.fields = step.fields.filter((f) => f !== 'birthYear');
    delete definition.uiSchema['birthYear'];
    delete definition.meta.staffLabels?.['birthYear'];
    const saved = (await (await call('PUT', `${GUIDANCE}/draft`, { definition, revision })).json()) as {
      problems: { code: string; severity: string; path: string }[];
    };
    expect(saved.problems).toContainEqual(expect.objectContaining({ code: 'field_removed', severity: 'warning' }));
    expect(saved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'No birth year.' })).status).toBe(201);
  });

  it('answers 409 no_changes when the draft equals the current version, and stale_revision for a revision not the draft’s', async () => {
    const { call } = await asAdmin();
    const same = await call('POST', `${GUIDANCE}/publish`, { note: 'Nothing.' });
    expect(same.status).toBe(409);
    expect(await same.json()).toMatchObject({ error: 'no_changes' });
    const revision = await retitleArabic(call, 'عنوان جديد');
    const stale = await call('POST', `${GUIDANCE}/publish`, { note: 'Old view.', revision: revision - 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'stale_revision', revision });
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'Seen.', revision })).status).toBe(201);
  });

  it('refuses a publish without a note, or with one too long, with 400', async () => {
    const { call } = await asAdmin();
    await retitleArabic(call, 'عنوان');
    for (const body of [{}, { note: '' }, { note: 'x'.repeat(501) }, { note: 3 }]) {
      const res = await call('POST', `${GUIDANCE}/publish`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('still accepts a submission filled against the version before the publish', async () => {
    const { t, call } = await asAdmin();
    await retitleArabic(call, 'عنوان');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'New title.' })).status).toBe(201);
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION }));
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect((await t.deps.app.store.getSubmission(reference, t.clock.now()))?.formVersion).toBe(GUIDANCE_VERSION);
    const current = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION + 1 }));
    expect(current.status).toBe(201);
  });

  it('takes answers to the replaced version for the grace period, then answers 409 form_version_retired and stores nothing', async () => {
    const { t, call } = await asAdmin();
    await retitleArabic(call, 'عنوان');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'New title.' })).status).toBe(201);
    t.clock.advance(FORM_VERSION_GRACE_DAYS * 86_400_000);
    expect((await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION }))).status).toBe(201);
    t.clock.advance(1);
    const before = await storedSubmissions(t);
    const late = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION }));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      error: 'form_version_retired',
      currentVersion: GUIDANCE_VERSION + 1,
      message: expect.any(String),
    });
    expect(await storedSubmissions(t)).toEqual(before);
    expect((await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION + 1 }))).status).toBe(
      201,
    );
  });

  it('keeps the grace period configurable', async () => {
    const { t, call } = await asAdmin(await buildTestApp({ formVersionGraceDays: 0 }));
    await retitleArabic(call, 'عنوان');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'New title.' })).status).toBe(201);
    t.clock.advance(1);
    expect((await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ formVersion: GUIDANCE_VERSION }))).status).toBe(409);
  });

  it('reaches another instance on the same table within the refresh interval', async () => {
    const { t, call } = await asAdmin();
    const other = await buildTestApp({ db: t.table.db, tableName: t.table.tableName });
    const before = await arabicTitle(other);
    await retitleArabic(call, 'عنوان للجميع');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'New title.' })).status).toBe(201);
    // The other instance read the forms at its start: it serves them until its copy is FORM_REFRESH_MS old.
    expect(await arabicTitle(other)).toBe(before);
    other.clock.advance(FORM_REFRESH_MS);
    expect(await arabicTitle(other)).toBe('عنوان للجميع');
    expect(FORM_REFRESH_MS).toBeLessThanOrEqual(10_000);
  });
});

describe('the admin forms API: versions and rollback', () => {
  it('rolls back by publishing an earlier version again as a new one, which residents are served', async () => {
    const { t, call } = await asAdmin();
    const original = await arabicTitle(t);
    await retitleArabic(call, 'عنوان خاطئ');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'Wrong.' })).status).toBe(201);
    const res = await call('POST', `${GUIDANCE}/rollback`, { version: GUIDANCE_VERSION });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ version: GUIDANCE_VERSION + 2 });
    expect(await arabicTitle(t)).toBe(original);
    const versions = (await (await call('GET', `${GUIDANCE}/versions`)).json()) as VersionsResponse;
    expect(versions.versions.map((v) => v.version).slice(-3)).toEqual([GUIDANCE_VERSION, GUIDANCE_VERSION + 1, GUIDANCE_VERSION + 2]);
    expect(versions.versions.at(-1)).toMatchObject({ publishedBy: ADMIN, note: `Rolled back to version ${GUIDANCE_VERSION}.` });
    // The draft keeps the admin's work; rolling back to what is current changes nothing.
    expect((await draftOf(call)).definition.texts.ar!.title).toBe('عنوان خاطئ');
    expect((await call('POST', `${GUIDANCE}/rollback`, { version: GUIDANCE_VERSION + 2 })).status).toBe(409);
  });

  it('answers 404 for a version never published, and 400 for a rollback body without a version number', async () => {
    const { call } = await asAdmin();
    for (const path of [
      `${GUIDANCE}/versions/999`,
      `${GUIDANCE}/versions/0`,
      `${GUIDANCE}/versions/abc`,
      '/api/admin/forms/nosuchform/versions',
    ])
      expect((await call('GET', path)).status, path).toBe(404);
    expect((await call('POST', `${GUIDANCE}/rollback`, { version: 999 })).status).toBe(404);
    for (const body of [{}, { version: 'one' }, { version: 0 }])
      expect((await call('POST', `${GUIDANCE}/rollback`, body)).status).toBe(400);
  });
});

describe('the admin forms API: audit and access', () => {
  it('records each change with who and when under form:<id>, and none of the form’s texts', async () => {
    const { t, call } = await asAdmin();
    await retitleArabic(call, 'عنوان');
    await call('POST', `${GUIDANCE}/publish`, { note: 'New title.' });
    await call('POST', `${GUIDANCE}/rollback`, { version: GUIDANCE_VERSION });
    await call('POST', '/api/admin/forms', { id: 'new-form' });
    const guidance = await t.deps.app.audit.list('form:guidance', t.clock.now());
    // Entries at the same instant come in any order.
    expect(guidance.map((e) => `${e.actor} ${e.action}`).sort()).toEqual([`${ADMIN} publish`, `${ADMIN} rollback`, `${ADMIN} save`]);
    expect(JSON.stringify(guidance)).not.toContain('عنوان');
    for (const entry of guidance) expect(entry.at).toBe(t.clock.now().toISOString());
    expect((await t.deps.app.audit.list('form:new-form', t.clock.now())).map((e) => e.action)).toEqual(['create']);
  });

  it('refuses staff with 403 and anonymous callers with 401, and a change from another site with 403, changing nothing', async () => {
    const { t, call } = await asAdmin();
    const { definition } = await draftOf(call);
    const staff = await signIn(t, HEINOLA);
    const requests: [string, string, unknown][] = [
      ['GET', '/api/admin/forms', undefined],
      ['POST', '/api/admin/forms', { id: 'sneaky' }],
      ['GET', `${GUIDANCE}/draft`, undefined],
      ['PUT', `${GUIDANCE}/draft`, { definition, revision: 0 }],
      ['POST', `${GUIDANCE}/publish`, { note: 'x' }],
      ['GET', `${GUIDANCE}/versions`, undefined],
      ['GET', `${GUIDANCE}/versions/${GUIDANCE_VERSION}`, undefined],
      ['POST', `${GUIDANCE}/rollback`, { version: GUIDANCE_VERSION }],
    ];
    const adminCookie = (await asAdmin(t)).cookie;
    for (const [method, path, body] of requests) {
      expect((await staffRequest(t, method, path, { body })).status, `anonymous ${method} ${path}`).toBe(401);
      expect((await staffRequest(t, method, path, { cookie: staff, body })).status, `staff ${method} ${path}`).toBe(403);
      if (method !== 'GET')
        expect(
          (await staffRequest(t, method, path, { cookie: adminCookie, body, origin: 'https://evil.example' })).status,
          `cross-site ${method} ${path}`,
        ).toBe(403);
    }
    expect((await draftOf(call)).revision).toBe(0);
    expect(((await (await call('GET', '/api/admin/forms')).json()) as { forms: unknown[] }).forms).toHaveLength(5);
    expect(await t.deps.app.audit.list('form:guidance', t.clock.now())).toEqual([]);
  });
});

describe('the store holds the forms', () => {
  it('imports the forms of schemas/ once; after that a restart serves what admins published, and reports newer files', async () => {
    const { t, call } = await asAdmin();
    await retitleArabic(call, 'عنوان منشور');
    expect((await call('POST', `${GUIDANCE}/publish`, { note: 'Published.' })).status).toBe(201);
    // A restart on the same table (another instance's cold start): the store, not the files, decides.
    const restarted = await buildTestApp({ db: t.table.db, tableName: t.table.tableName });
    expect(await arabicTitle(restarted)).toBe('عنوان منشور');
    const newerFile = structuredClone(catalog);
    newerFile.forms.find((f) => f.id === 'guidance')!.version = GUIDANCE_VERSION + 5;
    const registry = new FormRegistry(newerFile, new DynamoFormStore(t.table.db, t.table.tableName));
    expect(await registry.start(t.clock.now())).toEqual({
      imported: [],
      behind: [{ formId: 'guidance', file: GUIDANCE_VERSION + 5, store: GUIDANCE_VERSION + 1 }],
    });
    expect(registry.catalog.forms().find((f) => f.id === 'guidance')!.version).toBe(GUIDANCE_VERSION + 1);
  });

  it('lists the versions a store held before forms had heads, and refuses a file whose version is stored with other content', async () => {
    const t = await buildTestApp();
    const table = { db: t.table.db, tableName: t.table.tableName };
    const store = new DynamoFormStore(table.db, table.tableName);
    const fresh = await freshTable();
    const older = new DynamoFormStore(fresh.db, fresh.tableName);
    const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
    expect(
      await older.putVersion('guidance', { ...guidance, version: GUIDANCE_VERSION - 1 }, validatorSource(guidance.schema, 'guidance')),
    ).toBe('written');
    const registry = new FormRegistry(catalog, older);
    expect((await registry.start(t.clock.now())).imported).toContain('guidance');
    expect((await older.head('guidance'))!.versions.map((v) => v.version)).toEqual([GUIDANCE_VERSION - 1, GUIDANCE_VERSION]);
    expect((await store.head('guidance'))!.versions.map((v) => v.version)).toEqual([GUIDANCE_VERSION]);

    const clash = await freshTable();
    const clashing = new DynamoFormStore(clash.db, clash.tableName);
    expect(
      await clashing.putVersion(
        'guidance',
        { ...guidance, meta: { ...guidance.meta, retentionDays: 1 } },
        validatorSource(guidance.schema, 'guidance'),
      ),
    ).toBe('written');
    await expect(new FormRegistry(catalog, clashing).start(t.clock.now())).rejects.toThrow(
      /already stored with other content: raise its version/,
    );
  });
});
