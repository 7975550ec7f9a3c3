import { validatorSource } from '../../schemas/src/validator-source.js';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDocumentClient } from '../../functions/src/adapters/dynamo/table.js';
import { LOCAL_AWS } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { parseReference } from '../../schemas/src/reference.js';
import { DynamoFormStore } from '../../functions/src/adapters/dynamo/dynamo-form-store.js';
import { DynamoRateLimiter } from '../../functions/src/adapters/dynamo/dynamo-rate-limiter.js';
import { DynamoSubmissionStore } from '../../functions/src/adapters/dynamo/dynamo-submission-store.js';
import { createApp } from '../../functions/src/http/app.js';
import { useDynalite } from '../support/dynamo.js';
import { HSTS_MAX_AGE_SECONDS, contentSecurityPolicyHeader, permissionsPolicyHeader } from '../../functions/src/http/security-headers.js';
import {
  GUIDANCE_VERSION,
  buildTestApp,
  catalog,
  getFollowing,
  guidanceAnswers,
  guidanceBody,
  postJson,
  storedSubmissions,
} from '../support/test-app.js';

useDynalite();

const REFERENCE = /^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const SUBMIT = '/api/forms/guidance/submissions';

/** A TCP server that accepts connections and never answers, like a hung store; closed when the test ends. */
async function hungServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GET /api/health and /api/municipalities', () => {
  it('answers ok', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lists both municipalities by id and name', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/api/municipalities');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      municipalities: [
        { id: 'heinola', name: 'Heinola' },
        { id: 'orimattila', name: 'Orimattila' },
      ],
    });
  });
});

describe('GET /api/forms', () => {
  it('lists the offered forms with texts in the requested language', async () => {
    const { app } = await buildTestApp();
    const en = (await (await app.request('/api/forms?municipality=heinola&lang=en')).json()) as {
      forms: { id: string; title: string; version: number }[];
    };
    const fi = (await (await app.request('/api/forms?municipality=heinola&lang=fi')).json()) as { forms: { id: string; title: string }[] };
    expect(en.forms.find((f) => f.id === 'guidance')).toMatchObject({ version: GUIDANCE_VERSION, title: 'Guidance and advice' });
    expect(fi.forms.find((f) => f.id === 'guidance')).toMatchObject({ title: 'Ohjaus ja neuvonta' });
    expect(en.forms.map((f) => f.id).sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
    // The feedback form says so by its setting (meta.feedback), for the pages that link to it; no other form does.
    expect(en.forms.filter((f) => 'feedback' in f).map((f) => [f.id, (f as { feedback?: boolean }).feedback])).toEqual([
      ['feedback', true],
    ]);
  });

  it('answers 404 unknown_municipality and 400 for a missing or unknown language', async () => {
    const { app } = await buildTestApp();
    const unknown = await app.request('/api/forms?municipality=lahti&lang=en');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'unknown_municipality' });
    expect((await app.request('/api/forms?municipality=heinola')).status).toBe(400);
    const badLang = await app.request('/api/forms?municipality=heinola&lang=xx');
    expect(badLang.status).toBe(400);
    expect(await badLang.json()).toMatchObject({ error: 'unsupported_language' });
  });
});

describe('GET /api/forms/:id', () => {
  it('returns the localized schema and uiSchema', async () => {
    const { app } = await buildTestApp();
    const res = await getFollowing(app, '/api/forms/guidance?municipality=heinola&lang=sv');
    expect(res.status).toBe(200);
    const form = (await res.json()) as {
      id: string;
      version: number;
      lang: string;
      dir: string;
      schema: { properties: Record<string, { title: string }> };
      uiSchema: Record<string, unknown>;
    };
    expect(form).toMatchObject({ id: 'guidance', version: GUIDANCE_VERSION, lang: 'sv', dir: 'ltr' });
    expect(form.schema.properties['fullName']!.title).toBe('Fullständigt namn');
    expect(form.uiSchema['contactWay']).toMatchObject({ 'ui:enumNames': { phone: 'Telefonsamtal' } });
    expect(JSON.stringify(form)).toContain('Heinola');
    const ar = (await (await getFollowing(app, '/api/forms/guidance?municipality=heinola&lang=ar')).json()) as {
      lang: string;
      dir: string;
    };
    expect(ar).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('answers invalid answers with messages in each offered language, naming the field label', async () => {
    const { app } = await buildTestApp();
    for (const lang of ['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl']) {
      const res = await postJson(app, '/api/forms/guidance/submissions', guidanceBody({ lang }, { fullName: undefined }));
      const body = (await res.json()) as { errors: { path: string; message: string }[] };
      const label = catalog.forms.find((f) => f.id === 'guidance')!.texts[lang as 'fi']!.fields['fullName']!.label;
      expect(body.errors.find((e) => e.path === '/answers/fullName')!.message, lang).toContain(label);
    }
  });

  it('sends the current version on to its own URL, which carries the version and is cached for a year', async () => {
    const { app } = await buildTestApp();
    const current = await app.request('/api/forms/guidance?municipality=heinola&lang=ar');
    expect(current.status).toBe(302);
    expect(current.headers.get('cache-control')).toBe('no-store');
    const location = new URL(current.headers.get('location')!, 'http://localhost');
    expect(location.pathname).toBe(`/api/forms/guidance/versions/${GUIDANCE_VERSION}`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      municipality: 'heinola',
      lang: 'ar',
      texts: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    const pinned = await app.request(location.pathname + location.search);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await pinned.json()).toMatchObject({ id: 'guidance', version: GUIDANCE_VERSION, lang: 'ar', dir: 'rtl' });

    // A tag of texts this server no longer has (an older deploy's) is sent on, never answered under an immutable header.
    location.searchParams.set('texts', '0123456789abcdef');
    const stale = await app.request(location.pathname + location.search);
    expect(stale.status).toBe(302);
    expect(stale.headers.get('cache-control')).toBe('no-store');
    expect(stale.headers.get('location')).toBe(current.headers.get('location'));

    for (const [path, error] of [
      [`/api/forms/guidance/versions/${GUIDANCE_VERSION + 1}?municipality=heinola&lang=ar`, 'unknown_form'],
      [`/api/forms/guidance/versions/${GUIDANCE_VERSION}?municipality=lahti&lang=ar`, 'unknown_municipality'],
      [`/api/forms/guidance/versions/${GUIDANCE_VERSION}?municipality=heinola&lang=xx`, 'unsupported_language'],
      [`/api/forms/guidance/versions/${GUIDANCE_VERSION}?lang=ar`, 'invalid_request'],
    ] as const) {
      const res = await app.request(path);
      expect(await res.json(), path).toMatchObject({ error });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('answers 404 unknown_municipality for a municipality that does not exist', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/api/forms/guidance?municipality=lahti&lang=en');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_municipality', message: expect.any(String) });
  });

  it('answers 404 unknown_form, and 400 for a language the form is not offered in', async () => {
    const withoutThai = structuredClone(catalog);
    delete withoutThai.forms.find((f) => f.id === 'guidance')!.meta.languages.th;
    const { app } = await buildTestApp({ catalog: withoutThai });
    const missing = await app.request('/api/forms/passport?municipality=heinola&lang=en');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'unknown_form' });
    const notOffered = await app.request('/api/forms/guidance?municipality=heinola&lang=th');
    expect(notOffered.status).toBe(400);
    expect(await notOffered.json()).toMatchObject({ error: 'unsupported_language' });
    const listed = (await (await app.request('/api/forms?municipality=heinola&lang=th')).json()) as { forms: { id: string }[] };
    expect(listed.forms.map((f) => f.id)).not.toContain('guidance');
  });
});

describe('POST /api/forms/:id/submissions', () => {
  it('stores valid answers and answers 201 with a self-checking reference', async () => {
    const t = await buildTestApp();
    const res = await postJson(t.app, SUBMIT, guidanceBody());
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { reference: string; submittedAt: string };
    expect(receipt.reference).toMatch(REFERENCE);
    expect(parseReference(receipt.reference.toLowerCase())).toBe(receipt.reference);
    expect(receipt.submittedAt).toBe(t.clock.now().toISOString());
    const stored = await t.deps.app.store.getSubmission(receipt.reference, t.clock.now());
    expect(stored).toMatchObject({
      formId: 'guidance',
      formVersion: GUIDANCE_VERSION,
      lang: 'en',
      status: 'new',
      consentVersion: '2026-12',
      notification: { state: 'pending' },
    });
    expect(stored?.answers).toEqual(guidanceBody().answers);
  });

  it('refuses invalid answers with 400 invalid_answers, messages in the resident language, storing nothing', async () => {
    const t = await buildTestApp();
    const res = await postJson(
      t.app,
      SUBMIT,
      guidanceBody({ lang: 'fi' }, { fullName: undefined, consent: false, contactWay: 'email', phone: undefined, extra: 'x' }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; errors: { path: string; keyword: string; message: string }[] };
    expect(body.error).toBe('invalid_answers');
    const byPath = Object.fromEntries(body.errors.map((e) => [e.path, e]));
    expect(byPath['/answers/fullName']).toEqual({
      path: '/answers/fullName',
      keyword: 'required',
      message: 'Koko nimi: vastaa tähän kysymykseen.',
    });
    expect(byPath['/answers/consent']?.message).toBe('Hyväksy tietojesi käsittely, jotta voimme auttaa sinua.');
    expect(byPath['/answers/email']?.keyword).toBe('required');
    expect(byPath['/answers/extra']?.keyword).toBe('additionalProperties');
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('answers 400 invalid_json, 415 unsupported_media_type and 413 payload_too_large', async () => {
    const t = await buildTestApp();
    const badJson = await postJson(t.app, SUBMIT, '{"municipality":');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: 'invalid_json' });
    const text = await t.app.request(SUBMIT, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(guidanceBody()),
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: 'unsupported_media_type' });
    const huge = await postJson(t.app, SUBMIT, guidanceBody({}, { message: 'x'.repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('answers 400 invalid_request naming the field, for a body of the wrong shape', async () => {
    const t = await buildTestApp();
    const { lang: _lang, ...withoutLang } = guidanceBody();
    const cases: [unknown, RegExp][] = [
      [[], /body must be object/],
      [{ ...guidanceBody(), answers: [] }, /"answers" must be object/],
      [{ ...guidanceBody(), formVersion: '1' }, /"formVersion" must be integer/],
      [{ ...guidanceBody(), formVersion: 0 }, /"formVersion" must be >= 1/],
      [{ ...guidanceBody(), municipality: 3 }, /"municipality" must be string/],
      [withoutLang, /"lang" is required/],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(t.app, SUBMIT, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(message) });
    }
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('answers 404 unknown_form and unknown_municipality, also for an unpublished version', async () => {
    const t = await buildTestApp();
    const form = await postJson(t.app, '/api/forms/passport/submissions', guidanceBody());
    expect(form.status).toBe(404);
    expect(await form.json()).toMatchObject({ error: 'unknown_form' });
    const municipality = await postJson(t.app, SUBMIT, guidanceBody({ municipality: 'lahti' }));
    expect(municipality.status).toBe(404);
    expect(await municipality.json()).toMatchObject({ error: 'unknown_municipality' });
    const version = await postJson(t.app, SUBMIT, guidanceBody({ formVersion: 99 }));
    expect(version.status).toBe(404);
    expect(await version.json()).toMatchObject({ error: 'unknown_form' });
  });

  it('answers 400 unsupported_language for a language the form is not offered in, storing nothing', async () => {
    const withoutThai = structuredClone(catalog);
    delete withoutThai.forms.find((f) => f.id === 'guidance')!.meta.languages.th;
    const t = await buildTestApp({ catalog: withoutThai });
    for (const lang of ['th', 'xx']) {
      const res = await postJson(t.app, SUBMIT, guidanceBody({ lang }));
      expect(res.status, lang).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'unsupported_language', message: expect.any(String) });
    }
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('stores no answer to a question the answers hide, though the body carried one', async () => {
    const t = await buildTestApp();
    // Contact by email and no interpreter: the phone and interpreter-language questions are hidden.
    const res = await postJson(
      t.app,
      SUBMIT,
      guidanceBody({}, { contactWay: 'email', email: 'olena@example.com', interpreterNeeded: false }),
    );
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    const {
      phone: _phone,
      interpreterLanguage: _language,
      ...shown
    } = guidanceAnswers({ contactWay: 'email', email: 'olena@example.com', interpreterNeeded: false });
    expect(stored?.answers).toEqual(shown);
    expect(JSON.stringify(await storedSubmissions(t))).not.toContain('123 4567');
  });

  it('validates against the version the resident filled, when an earlier version is still published', async () => {
    const t = await buildTestApp();
    const current = catalog.forms.find((f) => f.id === 'guidance')!;
    const earlier = structuredClone(current);
    earlier.version = GUIDANCE_VERSION - 1;
    delete earlier.schema.properties!['latinName'];
    expect(
      await new DynamoFormStore(t.table.db, t.table.tableName).putVersion('guidance', earlier, validatorSource(earlier.schema, 'guidance')),
    ).toBe('written');
    const old = await postJson(t.app, SUBMIT, guidanceBody({ formVersion: earlier.version }, { latinName: undefined }));
    expect(old.status).toBe(201);
    const { reference } = (await old.json()) as { reference: string };
    expect((await t.deps.app.store.getSubmission(reference, t.clock.now()))?.formVersion).toBe(earlier.version);
    const refused = await postJson(t.app, SUBMIT, guidanceBody({ formVersion: earlier.version }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [expect.objectContaining({ path: '/answers/latinName', keyword: 'additionalProperties' })],
    });
  });

  it('rate-limits a client with 429 rate_limited and Retry-After', async () => {
    const t = await buildTestApp({ submissionRateLimit: { limit: 2, windowSeconds: 60 } });
    for (let i = 0; i < 2; i++) expect((await postJson(t.app, SUBMIT, guidanceBody())).status).toBe(201);
    const limited = await postJson(t.app, SUBMIT, guidanceBody());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': '10.0.0.9' })).status).toBe(201);
    expect(await storedSubmissions(t)).toHaveLength(3);
  });

  it('answers 503 unavailable with Retry-After when storage is down, leaking nothing', async () => {
    const t = await buildTestApp();
    const dead = createDocumentClient({ ...LOCAL_AWS, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    const deadStore = new DynamoSubmissionStore(dead, t.table.tableName);
    const deadLimiter = new DynamoRateLimiter(dead, t.table.tableName, { limit: 5, windowSeconds: 60 });
    for (const app of [
      createApp({ ...t.deps.app, store: deadStore }),
      createApp({ ...t.deps.app, store: deadStore, submissionLimiter: deadLimiter }),
    ]) {
      const res = await postJson(app, SUBMIT, guidanceBody());
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ error: 'unavailable' });
      expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\.ts/);
    }
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('answers 503 unavailable with Retry-After when storage accepts connections but never answers', async () => {
    const t = await buildTestApp();
    const hung = createDocumentClient(
      { ...LOCAL_AWS, endpoint: await hungServer(), maxAttempts: 2 },
      { connectionTimeout: 100, requestTimeout: 150 },
    );
    const hungStore = new DynamoSubmissionStore(hung, t.table.tableName);
    const hungLimiter = new DynamoRateLimiter(hung, t.table.tableName, { limit: 5, windowSeconds: 60 });
    for (const app of [createApp({ ...t.deps.app, store: hungStore }), createApp({ ...t.deps.app, submissionLimiter: hungLimiter })]) {
      const res = await postJson(app, SUBMIT, guidanceBody());
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ error: 'unavailable', message: expect.any(String) });
    }
    expect(await storedSubmissions(t)).toHaveLength(0);
  });

  it('returns the same receipt for a retried Idempotency-Key and stores one submission', async () => {
    const t = await buildTestApp();
    const key = { 'idempotency-key': 'b1f0c7e2-4d1a-4c3e-9a55-3f2d8e6a7c10' };
    const first = await postJson(t.app, SUBMIT, guidanceBody(), key);
    t.clock.advance(30_000);
    const second = await postJson(t.app, SUBMIT, guidanceBody(), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await storedSubmissions(t)).toHaveLength(1);
  });

  it('answers 422 idempotency_key_reused for the same key with another body, and 400 for a malformed key', async () => {
    const t = await buildTestApp();
    const key = { 'idempotency-key': 'key-0000001' };
    expect((await postJson(t.app, SUBMIT, guidanceBody(), key)).status).toBe(201);
    const reused = await postJson(t.app, SUBMIT, guidanceBody({}, { fullName: 'Someone Else' }), key);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: 'idempotency_key_reused' });
    const short = await postJson(t.app, SUBMIT, guidanceBody(), { 'idempotency-key': 'short' });
    expect(short.status).toBe(400);
    expect(await storedSubmissions(t)).toHaveLength(1);
  });

  it('takes an Idempotency-Key of 8 to 128 characters and answers 400 invalid_request for 7 or 129', async () => {
    const t = await buildTestApp();
    for (const key of ['k'.repeat(7), 'k'.repeat(129)]) {
      const res = await postJson(t.app, SUBMIT, guidanceBody(), { 'idempotency-key': key });
      expect(res.status, `${key.length} characters`).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    expect(await storedSubmissions(t)).toHaveLength(0);
    for (const key of ['k'.repeat(8), 'k'.repeat(128)]) {
      expect((await postJson(t.app, SUBMIT, guidanceBody(), { 'idempotency-key': key })).status, `${key.length} characters`).toBe(201);
    }
    expect(await storedSubmissions(t)).toHaveLength(2);
  });

  it('forgets an Idempotency-Key after 7 days: the key then serves a new request', async () => {
    const t = await buildTestApp();
    const key = { 'idempotency-key': 'key-expiring-1' };
    const first = await postJson(t.app, SUBMIT, guidanceBody(), key);
    expect(first.status).toBe(201);
    const other = guidanceBody({}, { fullName: 'Someone Else' });
    t.clock.advance(6 * 86_400_000);
    expect((await postJson(t.app, SUBMIT, other, key)).status).toBe(422);
    t.clock.advance(86_400_000 + 60_000);
    const renewed = await postJson(t.app, SUBMIT, other, key);
    expect(renewed.status).toBe(201);
    const receipt = (await renewed.json()) as { reference: string };
    expect(receipt.reference).not.toBe(((await first.json()) as { reference: string }).reference);
    expect(await (await postJson(t.app, SUBMIT, other, key)).json()).toEqual(receipt);
    expect(await storedSubmissions(t)).toHaveLength(2);
  });
});

describe('every response', () => {
  it('carries security headers with a CSP free of unsafe-inline and unsafe-eval', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The same values CloudFront sends for the web app's files (one definition, test/infra/stack.test.ts).
    expect(csp).toBe(contentSecurityPolicyHeader());
    expect(res.headers.get('strict-transport-security')).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(res.headers.get('permissions-policy')).toBe(permissionsPolicyHeader());
  });

  it('answers an unexpected failure with a generic 500 and no stack trace', async () => {
    const t = await buildTestApp();
    const broken = {
      ...t.deps.app.store,
      getSubmission: t.deps.app.store.getSubmission.bind(t.deps.app.store),
      createSubmission: async () => {
        throw new TypeError('boom at secret.ts:12');
      },
    };
    const app = createApp({ ...t.deps.app, store: broken as typeof t.deps.app.store });
    const res = await postJson(app, SUBMIT, guidanceBody());
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal', message: expect.any(String) });
    expect(text).not.toContain('boom');
  });

  it('answers unknown paths with 404 not_found in JSON', async () => {
    const { app } = await buildTestApp();
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
