import { beforeAll, describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { readFinnishCsv, readXlsx } from '../support/exports.js';
import { ADMIN, HEINOLA, ORIMATTILA, lastSignInToken, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type Role = 'anonymous' | 'staff.heinola' | 'staff.orimattila' | 'admin';
const ROLES: Role[] = ['anonymous', 'staff.heinola', 'staff.orimattila', 'admin'];
const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = { 'staff.heinola': HEINOLA, 'staff.orimattila': ORIMATTILA, admin: ADMIN };

type T = Awaited<ReturnType<typeof buildTestApp>>;

/** What a case knows: the role's session (if any), Heinola's submission R, Orimattila's, and R's mailed claim link T. */
interface Case {
  t: T;
  role: Role;
  cookie?: string;
  reference: string;
  orimattilaReference: string;
  claimPath: string;
  version: number;
}

/** The account a role signs in as; an anonymous visitor signs in as Heinola staff (the ordinary sign-in). */
const account = (role: Role): string => (role === 'anonymous' ? HEINOLA : EMAILS[role]);

/** A freshly mailed sign-in token for the role's account. */
async function freshToken({ t, role }: Case): Promise<string> {
  expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: account(role) } })).status).toBe(202);
  return lastSignInToken(t, account(role));
}

/** References in a CSV export (the first column of each data row, every field quoted). */
const csvReferences = (csv: string): string[] =>
  csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split(',')[0]!.replaceAll('"', ''));

/** Which of R (Heinola) and Orimattila's submission each role may see in a list. */
const sees = (c: Case): string[] =>
  ({
    anonymous: [],
    'staff.heinola': [c.reference],
    'staff.orimattila': [c.orimattilaReference],
    admin: [c.reference, c.orimattilaReference],
  })[c.role];

interface Row {
  method: string;
  /** As in docs/http-contract.md: R is Heinola's submission, T the claim link mailed for it. */
  path: string;
  url?: (c: Case) => string;
  body?: (c: Case) => unknown;
  expect: Record<Role, number>;
  /** Asserts the content of a successful answer, not only its status. */
  check?: (res: Response, c: Case) => Promise<void>;
}

const all = (status: number): Record<Role, number> => ({
  anonymous: status,
  'staff.heinola': status,
  'staff.orimattila': status,
  admin: status,
});

/** Each endpoint × role → expected status; the Heinola submission `R` belongs to Heinola only. */
const MATRIX: Row[] = [
  {
    method: 'POST',
    path: '/api/auth/login',
    body: (c) => ({ email: c.role === 'anonymous' ? 'nobody@koto.local' : account(c.role) }),
    expect: all(202),
    check: async (res) => expect(await res.json()).toEqual({ status: 'accepted', message: expect.any(String) }),
  },
  {
    method: 'GET',
    path: '/auth/verify?token=S',
    url: () => '/auth/verify?token=not-a-real-token-but-shown-anyway',
    expect: all(200),
    check: async (res) => {
      expect(await res.text()).toContain('<input type="hidden" name="token" value="not-a-real-token-but-shown-anyway" />');
      expect(res.headers.get('set-cookie')).toBeNull();
    },
  },
  {
    method: 'POST',
    path: '/api/auth/session (a fresh token)',
    url: () => '/api/auth/session',
    body: async (c) => ({ token: await freshToken(c) }),
    expect: all(200),
    check: async (res, c) => {
      // The session is the token's account's, whoever held a session before.
      expect(await res.json()).toMatchObject({ email: account(c.role) });
      expect(res.headers.get('set-cookie')).toMatch(/^koto_session=[\w-]{40,};/);
    },
  },
  {
    method: 'POST',
    path: '/api/auth/session (a token never mailed)',
    url: () => '/api/auth/session',
    body: () => ({ token: 'x'.repeat(43) }),
    expect: all(401),
    check: async (res) => expect(res.headers.get('set-cookie')).toBeNull(),
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => expect(await res.json()).toMatchObject({ email: account(c.role) }),
  },
  {
    method: 'GET',
    path: '/api/staff/submissions',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => {
      const refs = ((await res.json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
      expect(refs.filter((r) => [c.reference, c.orimattilaReference].includes(r)).sort()).toEqual([...sees(c)].sort());
    },
  },
  {
    method: 'GET',
    path: '/api/staff/submissions?municipality=heinola',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/staff/submissions/R',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 404, admin: 200 },
    check: async (res, c) => expect(await res.json()).toMatchObject({ reference: c.reference, municipality: 'heinola' }),
  },
  {
    method: 'PATCH',
    path: '/api/staff/submissions/R',
    body: (c) => ({ note: 'matrix', expectedVersion: c.version }),
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 404, admin: 200 },
    check: async (res, c) => expect(await res.json()).toMatchObject({ reference: c.reference, version: c.version + 1 }),
  },
  {
    method: 'GET',
    path: '/api/staff/colleagues',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => {
      const emails = ((await res.json()) as { colleagues: { email: string }[] }).colleagues.map((m) => m.email);
      expect(emails).toContain(account(c.role));
      // Only people sharing a municipality: the two towns' staff never see each other.
      if (c.role !== 'admin') expect(emails).toHaveLength(2);
    },
  },
  {
    method: 'GET',
    path: '/api/staff/submissions.csv',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => {
      const refs = csvReferences(await res.text());
      expect(refs.filter((r) => [c.reference, c.orimattilaReference].includes(r)).sort()).toEqual([...sees(c)].sort());
    },
  },
  {
    method: 'GET',
    path: '/api/staff/submissions.csv?municipality=heinola&form=guidance',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 },
    check: async (res, c) => expect(csvReferences(await res.text())).toEqual([c.reference]),
  },
  {
    method: 'GET',
    path: '/api/staff/export?format=csv-fi',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => {
      const refs = readFinnishCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()))
        .slice(1)
        .map((row) => row[0]!);
      expect(refs.filter((r) => [c.reference, c.orimattilaReference].includes(r)).sort()).toEqual([...sees(c)].sort());
    },
  },
  {
    method: 'GET',
    path: '/api/staff/export?format=xlsx&municipality=heinola&form=guidance',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 },
    check: async (res, c) =>
      expect((await readXlsx(new Uint8Array(await res.arrayBuffer()))).slice(1).map((row) => row[0])).toEqual([c.reference]),
  },
  {
    method: 'GET',
    path: '/api/staff/search?q=Olena',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 },
    check: async (res, c) => {
      const refs = ((await res.json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
      expect(refs.filter((r) => [c.reference, c.orimattilaReference].includes(r)).sort()).toEqual([...sees(c)].sort());
    },
  },
  {
    method: 'GET',
    path: '/api/staff/search?q=Olena&municipality=heinola',
    expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 },
  },
  { method: 'GET', path: '/api/admin/forms', expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 } },
  { method: 'GET', path: '/api/admin/staff', expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 } },
  { method: 'GET', path: '/api/admin/spam', expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 } },
  {
    method: 'GET',
    path: '/api/admin/municipalities',
    expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/admin/audit/R',
    expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 },
    check: async (res, c) => expect(await res.json()).toMatchObject({ reference: c.reference, entries: expect.any(Array) }),
  },
  {
    // A resident's rights: the admin's subject-access export (changing and erasing: test/http/admin-rights.test.ts).
    method: 'GET',
    path: '/api/admin/submissions/R',
    expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 },
    check: async (res, c) => expect(await res.json()).toMatchObject({ reference: c.reference, answers: expect.any(Object) }),
  },
  {
    // An action link needs no session: anyone holding it gets its confirm page.
    method: 'GET',
    path: '/a/T',
    url: (c) => c.claimPath,
    expect: all(200),
    check: async (res, c) => expect(await res.text()).toContain(`Ota käsittelyyn: ${c.reference}`),
  },
  {
    // Posted, it acts for the member signed in who works on the municipality, else for the mailbox. In role order: the
    // mailbox claims it, staff.heinola takes it over from the mailbox, and the others (for the mailbox, or as admin)
    // find it claimed by someone else.
    method: 'POST',
    path: '/a/T',
    url: (c) => c.claimPath,
    expect: { anonymous: 200, 'staff.heinola': 200, 'staff.orimattila': 409, admin: 409 },
    check: async (_res, c) => {
      const stored = await c.t.deps.app.store.getSubmission(c.reference, c.t.clock.now());
      expect(stored?.assignee).toBe(c.role === 'anonymous' ? 'kotoutumisohjaaja@heinola.fi' : HEINOLA);
    },
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: all(204),
    check: async (res, c) => {
      expect(res.headers.get('set-cookie')).toMatch(/^koto_session=;/);
      if (c.cookie) expect((await staffRequest(c.t, 'GET', '/api/auth/me', { cookie: c.cookie })).status).toBe(401);
    },
  },
];

describe('authorization matrix: each role × each staff endpoint', () => {
  let t: T;
  let reference: string;
  let orimattilaReference: string;
  let claimPath: string;

  beforeAll(async () => {
    t = await buildTestApp({
      loginRateLimit: { limit: 1000, windowSeconds: 900 },
      loginMailRateLimit: { limit: 1000, windowSeconds: 900 },
    });
    await seedStaff(t);
    const submit = async (municipality: string) =>
      ((await (await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }))).json()) as { reference: string })
        .reference;
    reference = await submit('heinola');
    orimattilaReference = await submit('orimattila');
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent.find((m) => m.to.includes('kotoutumisohjaaja@heinola.fi') && m.headers?.['X-Koto-Reference'] === reference)!;
    claimPath = new URL(/^Ota käsittelyyn: (\S+)$/m.exec(mail.text)![1]!).pathname;
  });

  for (const row of MATRIX) {
    for (const role of ROLES) {
      it(`${row.method} ${row.path} as ${role} → ${row.expect[role]}`, async () => {
        // Sign in afresh per case: the logout row ends sessions.
        const cookie = role === 'anonymous' ? undefined : await signIn(t, EMAILS[role]);
        const version = (await t.deps.app.store.getSubmission(reference, t.clock.now()))!.version;
        const c: Case = { t, role, cookie, reference, orimattilaReference, claimPath, version };
        const url = row.url?.(c) ?? row.path.replace('/R', `/${reference}`);
        const res = await staffRequest(t, row.method, url, { cookie, body: await row.body?.(c) });
        expect(res.status).toBe(row.expect[role]);
        if (res.status >= 400 && !url.startsWith('/a/'))
          expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        if (res.status < 400) await row.check?.(res, c);
      });
    }
  }
});

describe('cross-site requests', () => {
  const FOREIGN = [{ origin: 'https://evil.example' }, { origin: 'http://localhost:3001' }, { origin: null }];

  async function setUp() {
    const t = await buildTestApp();
    await seedStaff(t);
    const reference = ((await (await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody())).json()) as { reference: string })
      .reference;
    return { t, reference, cookie: await signIn(t, HEINOLA) };
  }

  it('cannot change a submission: PATCH from another origin, or none, is 403 and changes nothing', async () => {
    const { t, reference, cookie } = await setUp();
    const before = await t.deps.app.store.getSubmission(reference, t.clock.now());
    for (const { origin } of FOREIGN) {
      const res = await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
        cookie,
        origin,
        body: { status: 'done', assignee: HEINOLA, note: 'x', expectedVersion: 1 },
      });
      expect(res.status, String(origin)).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    }
    expect(await t.deps.app.store.getSubmission(reference, t.clock.now())).toEqual(before);
    expect(await t.deps.app.audit.list(reference, t.clock.now())).toEqual([]);
    expect(
      (await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, { cookie, body: { status: 'done', expectedVersion: 1 } }))
        .status,
    ).toBe(200);
  });

  it('cannot start a session: POST /api/auth/session from another origin is 403, sets no cookie and leaves the token unused', async () => {
    const { t } = await setUp();
    expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: ORIMATTILA } })).status).toBe(202);
    const token = lastSignInToken(t, ORIMATTILA);
    for (const { origin } of FOREIGN) {
      const json = await staffRequest(t, 'POST', '/api/auth/session', { origin, body: { token } });
      expect(json.status, String(origin)).toBe(403);
      expect(json.headers.get('set-cookie')).toBeNull();
      // A form on another site posts form-encoded, as the verify page does.
      const form = await t.app.request('/api/auth/session', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
        body: new URLSearchParams({ token }).toString(),
      });
      expect(form.status, String(origin)).toBe(403);
      expect(form.headers.get('set-cookie')).toBeNull();
    }
    const own = await staffRequest(t, 'POST', '/api/auth/session', { body: { token } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ email: ORIMATTILA });
  });

  it('cannot sign a member out: POST /api/auth/logout from another origin is 403 and the session lives on', async () => {
    const { t, cookie } = await setUp();
    for (const { origin } of FOREIGN) {
      const res = await staffRequest(t, 'POST', '/api/auth/logout', { cookie, origin });
      expect(res.status, String(origin)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await staffRequest(t, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});
