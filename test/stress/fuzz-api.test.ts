import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchema, ERROR_STATUS, isErrorCode, unsafeTextErrors } from '../../schemas/src/index.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, GUIDANCE_VERSION, postJson, storedSubmissions } from '../support/test-app.js';
import { report, runs, TIMEOUT } from './stress-runs.js';

useDynalite();

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];

// Every request a client can make to the public API gets an answer below 500; an error is the contract's body.
async function expectWellAnswered(res: Response, seen: { requests: number; fiveXx: number }): Promise<void> {
  seen.requests++;
  if (res.status >= 500) seen.fiveXx++;
  expect(res.status).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: unknown; message: unknown };
  expect(isErrorCode(body.error)).toBe(true);
  expect(ERROR_STATUS[body.error as keyof typeof ERROR_STATUS]).toBe(res.status);
  expect(typeof body.message).toBe('string');
}

// Strings that break things: controls, bidi overrides, lone surrogates, other scripts, numbers as text, huge ones.
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\u202e\u0661\u0662',
    '\ud800',
    'Олена\u0007',
    '٠٤٠ ١٢٣ ٤٥٦٧',
    'NaN',
    '-1',
    '1e309',
    '__proto__',
    'constructor',
  ),
  fc.integer({ min: 1, max: 70_000 }).map((n) => 'ä'.repeat(n)),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString, fc.constant(null), fc.array(nastyString, { maxLength: 5 }));

type Body = Record<string, unknown> & { answers?: Record<string, unknown> };
type Mutation = (body: Body) => void;

/** The body's answers while they are still an object (an earlier mutation may have replaced them). */
function answersOf(b: Body): Record<string, unknown> {
  const a = b.answers;
  return a !== null && typeof a === 'object' && !Array.isArray(a) ? a : {};
}

const ANSWER_KEYS = Object.keys(guidanceBody().answers);
const TOP_KEYS = ['municipality', 'lang', 'formVersion', 'answers'];

// One change to a valid body; a few of them make a near-valid body.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...TOP_KEYS).map(
    (k): Mutation =>
      (b) =>
        void delete b[k],
  ),
  fc.constantFrom(...ANSWER_KEYS).map(
    (k): Mutation =>
      (b) =>
        void delete answersOf(b)[k],
  ),
  fc.tuple(fc.constantFrom(...TOP_KEYS), anyValue).map(
    ([k, v]): Mutation =>
      (b) =>
        void (b[k] = v),
  ),
  fc.tuple(fc.constantFrom(...ANSWER_KEYS), anyValue).map(
    ([k, v]): Mutation =>
      (b) =>
        void (answersOf(b)[k] = v),
  ),
  fc.tuple(nastyString, anyValue).map(
    ([k, v]): Mutation =>
      (b) =>
        void (answersOf(b)[k] = v),
  ),
  fc.tuple(nastyString, anyValue).map(
    ([k, v]): Mutation =>
      (b) =>
        void (b[k] = v),
  ),
  // Changes a valid submission may have: another name in another script, another language or version.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(
    (n): Mutation =>
      (b) =>
        void (answersOf(b)['fullName'] = n),
  ),
  fc.constantFrom('fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl', 'xx').map(
    (l): Mutation =>
      (b) =>
        void (b['lang'] = l),
  ),
  fc.integer({ min: -2, max: GUIDANCE_VERSION + 2 }).map(
    (v): Mutation =>
      (b) =>
        void (b['formVersion'] = v),
  ),
  fc.constantFrom('heinola', 'orimattila', 'lahti', '').map(
    (m): Mutation =>
      (b) =>
        void (b['municipality'] = m),
  ),
);

// Valid changes (another name, script or language) as often as breaking ones: both kinds must be answered right.
const harmless: fc.Arbitrary<Mutation> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(
    (n): Mutation =>
      (b) =>
        void (answersOf(b)['fullName'] = n),
  ),
  fc.constantFrom('fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl').map(
    (l): Mutation =>
      (b) =>
        void (b['lang'] = l),
  ),
  fc.constantFrom('heinola', 'orimattila').map(
    (m): Mutation =>
      (b) =>
        void (b['municipality'] = m),
  ),
);
const nearValidBody = fc.oneof(fc.array(harmless, { maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 3 })).map((ms) => {
  const body = guidanceBody() as Body;
  for (const m of ms) m(body);
  return JSON.stringify(body);
});
const rawBody = fc.oneof(
  nearValidBody,
  nearValidBody,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  nearValidBody.map((s) => s.slice(0, Math.floor(s.length / 2))),
);

// Header values as a client can send them (visible Latin-1): lies and odd types included.
const idempotencyKey = fc.string({ minLength: 8, maxLength: 40, unit: fc.constantFrom(...'abcXYZ019-_.~') });
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 150 });
const oddHeaders = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/jsonx', ''),
      headerText,
    ),
    'idempotency-key': fc.oneof(idempotencyKey, headerText),
    'content-length': fc.oneof(fc.nat({ max: 200_000 }).map(String), headerText),
    'accept-language': headerText,
  },
  { requiredKeys: [] },
);
// Most requests are as a client sends them, so the generated bodies reach validation and the store.
const headers = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record(
      { 'content-type': fc.constant('application/json'), 'idempotency-key': idempotencyKey },
      { requiredKeys: ['content-type'] },
    ),
  },
  { weight: 1, arbitrary: oddHeaders },
);

const formId = fc.oneof(
  { weight: 4, arbitrary: fc.constant('guidance') },
  { weight: 1, arbitrary: fc.constantFrom('registration', 'nope', '..', '%00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
);

async function post(app: App, path: string, body: string, hdrs: Record<string, string>, client: number): Promise<Response> {
  return app.request(path, { method: 'POST', headers: { ...hdrs, 'x-test-client': `10.9.${client >> 8}.${client & 255}` }, body });
}

describe('the public API under thousands of generated requests', () => {
  it(
    'never answers 5xx, stores only valid submissions, and still takes a normal submission after',
    async () => {
      const t = await buildTestApp();
      const seen = { requests: 0, fiveXx: 0 };

      await fc.assert(
        fc.asyncProperty(formId, rawBody, headers, fc.nat({ max: 65_535 }), async (form, body, hdrs, client) => {
          await expectWellAnswered(await post(t.app, `/api/forms/${form}/submissions`, body, hdrs, client), seen);
        }),
        { numRuns: runs(200, 3000) },
      );

      const query = fc.record(
        {
          municipality: fc.oneof(fc.constantFrom('heinola', 'orimattila'), nastyString),
          lang: fc.oneof(fc.constantFrom('fi', 'ar'), nastyString),
          texts: nastyString,
        },
        { requiredKeys: [] },
      );
      const getPath = fc.oneof(
        query.map((q) => `/api/forms?${new URLSearchParams(q as Record<string, string>)}`),
        fc.tuple(formId, query).map(([f, q]) => `/api/forms/${f}?${new URLSearchParams(q as Record<string, string>)}`),
        fc
          .tuple(formId, fc.oneof(fc.nat().map(String), fc.string({ maxLength: 12 }).map(encodeURIComponent)), query)
          .map(([f, v, q]) => `/api/forms/${f}/versions/${v}?${new URLSearchParams(q as Record<string, string>)}`),
        fc
          .tuple(formId, fc.oneof(fc.nat().map(String), fc.string({ maxLength: 12 }).map(encodeURIComponent)))
          .map(([f, v]) => `/api/forms/${f}/versions/${v}/validator.mjs`),
        fc.constantFrom('/api/municipalities', '/api/health', '/api/staff/submissions', '/api/nope'),
      );
      await fc.assert(
        fc.asyncProperty(getPath, headers, async (path, hdrs) => {
          await expectWellAnswered(await t.app.request(path, { headers: hdrs }), seen);
        }),
        { numRuns: runs(150, 2000) },
      );

      // What got in is what the form allows: every stored submission checked again by the kit's own validator.
      const stored = await storedSubmissions(t);
      const invalid: string[] = [];
      for (const item of stored) {
        const form = await t.deps.app.registry.versions.formVersion(item['municipality'], item['formId'], item['formVersion']);
        const validate = compileSchema(form.schema);
        if (!validate(item['answers']) || unsafeTextErrors(item['answers']).length > 0) invalid.push(item['reference'] as string);
      }
      report('fuzz', { requests: seen.requests, fiveXx: seen.fiveXx, stored: stored.length, invalidStored: invalid.length });
      expect(invalid).toEqual([]);
      // The generator reaches the store, or the check above proves nothing.
      expect(stored.length).toBeGreaterThan(0);

      const after = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody(), { 'x-test-client': '192.0.2.200' });
      expect(after.status).toBe(201);
      expect((await t.app.request('/api/health')).status).toBe(200);
    },
    TIMEOUT,
  );
});
