import { beforeAll, describe, expect, it } from 'vitest';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type Role = 'anonymous' | 'staff.heinola' | 'staff.orimattila' | 'admin';
const ROLES: Role[] = ['anonymous', 'staff.heinola', 'staff.orimattila', 'admin'];

/** Each endpoint × role → expected status; the Heinola submission `R` belongs to Heinola only. */
const MATRIX: { method: string; path: string; body?: (version: number) => unknown; expect: Record<Role, number> }[] = [
  { method: 'GET', path: '/api/auth/me', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 } },
  { method: 'GET', path: '/api/staff/submissions', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 } },
  { method: 'GET', path: '/api/staff/submissions?municipality=heinola', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 } },
  { method: 'GET', path: '/api/staff/submissions/R', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 404, admin: 200 } },
  { method: 'PATCH', path: '/api/staff/submissions/R', body: (v) => ({ note: 'matrix', expectedVersion: v }), expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 404, admin: 200 } },
  { method: 'GET', path: '/api/staff/submissions.csv', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 200, admin: 200 } },
  { method: 'GET', path: '/api/staff/submissions.csv?municipality=heinola&form=guidance', expect: { anonymous: 401, 'staff.heinola': 200, 'staff.orimattila': 403, admin: 200 } },
  { method: 'GET', path: '/api/admin/forms', expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 } },
  { method: 'GET', path: '/api/admin/audit/R', expect: { anonymous: 401, 'staff.heinola': 403, 'staff.orimattila': 403, admin: 200 } },
  { method: 'POST', path: '/api/auth/logout', expect: { anonymous: 204, 'staff.heinola': 204, 'staff.orimattila': 204, admin: 204 } },
];

describe('authorization matrix: each role × each staff endpoint', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let reference: string;
  const cookies: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await buildTestApp({ loginRateLimit: { limit: 1000, windowSeconds: 900 } });
    await seedStaff(t);
    reference = ((await (await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody())).json()) as { reference: string }).reference;
  });

  for (const row of MATRIX) {
    for (const role of ROLES) {
      it(`${row.method} ${row.path} as ${role} → ${row.expect[role]}`, async () => {
        // Sign in afresh per case: the logout row ends sessions.
        const emails: Record<Exclude<Role, 'anonymous'>, string> = { 'staff.heinola': HEINOLA, 'staff.orimattila': ORIMATTILA, admin: ADMIN };
        if (role !== 'anonymous') cookies[role] = await signIn(t, emails[role]);
        const version = (await t.deps.app.store.getSubmission(reference, t.clock.now()))!.version;
        const res = await staffRequest(t, row.method, row.path.replace('/R', `/${reference}`), { cookie: cookies[role], body: row.body?.(version) });
        expect(res.status).toBe(row.expect[role]);
        if (res.status >= 400) expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      });
    }
  }
});
