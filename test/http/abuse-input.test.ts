import { describe, expect, it } from 'vitest';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIGIN, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson, storedSubmissions } from '../support/test-app.js';

useDynalite();

describe('bad input never reaches a 5xx or a huge answer', () => {
  it('refuses an oversized body with 413 on every route that takes one, before reading it', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const cookie = await signIn(t, HEINOLA);
    const big = JSON.stringify({ email: HEINOLA, token: 'x'.repeat(43), pad: 'x'.repeat(1024 * 1024) });
    const routes: [string, string, string][] = [
      ['POST', '/api/auth/login', 'application/json'],
      ['POST', '/api/auth/session', 'application/json'],
      ['POST', '/api/auth/session', 'application/x-www-form-urlencoded'],
      ['POST', '/api/auth/logout', 'application/json'],
      ['PATCH', '/api/staff/submissions/HEI-7KQ4-M2X9', 'application/json'],
      ['POST', '/a/some-token', 'application/x-www-form-urlencoded'],
    ];
    const refused: string[] = [];
    for (const [method, path, type] of routes) {
      const res = await t.app.request(path, { method, headers: { origin: ORIGIN, cookie, 'content-type': type }, body: big });
      expect(res.status, `${method} ${path} ${type}`).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
      refused.push(path);
    }
    expect(refused).toHaveLength(routes.length);
  });
});

describe('the error list of a submission', () => {
  it('lists the first 100 errors with truncated: true, so a 60 KB body cannot answer megabytes', async () => {
    const t = await buildTestApp();
    const extra = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, 1]));
    const body = JSON.stringify(guidanceBody({}, extra));
    expect(body.length).toBeLessThan(64 * 1024);
    const res = await postJson(t.app, '/api/forms/guidance/submissions', body);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const answer = JSON.parse(text) as { error: string; errors: unknown[]; truncated?: boolean };
    expect(answer).toMatchObject({ error: 'invalid_answers', truncated: true });
    expect(answer.errors).toHaveLength(100);
    const few = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, { x1: 1 }));
    expect(await few.json()).not.toHaveProperty('truncated');
  });
});

describe('path and query values', () => {
  it('are checked before they reach the store: 404 or 400, never 500', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const cookie = await signIn(t, ADMIN);
    const long = 'A'.repeat(5000);
    const asked: [string, string, number][] = [
      ['GET', `/api/staff/submissions/${long}`, 404],
      ['PATCH', `/api/staff/submissions/${long}`, 404],
      ['GET', `/api/admin/audit/${long}`, 404],
      ['GET', '/api/staff/submissions/not-a-reference', 404],
      ['GET', '/api/staff/submissions?minAgeDays=1e20', 400],
      ['GET', '/api/staff/submissions?minAgeDays=36501', 400],
      ['GET', '/api/staff/submissions.csv?minAgeDays=1e20', 400],
      ['GET', '/api/staff/submissions?status=toString', 400],
    ];
    for (const [method, path, status] of asked) {
      const res = await staffRequest(t, method, path, {
        cookie,
        body: method === 'PATCH' ? { status: 'done', expectedVersion: 1 } : undefined,
      });
      expect(res.status, `${method} ${path.slice(0, 60)}`).toBe(status);
    }
    expect((await staffRequest(t, 'GET', '/api/staff/submissions?minAgeDays=36500', { cookie })).status).toBe(200);
  });
});

describe('control characters, lone surrogates and bidi overrides', () => {
  const SUBMIT = '/api/forms/guidance/submissions';

  it('are refused in every string answer, in the resident language, and nothing is stored', async () => {
    const t = await buildTestApp();
    const refused: string[] = [];
    for (const bad of [
      'Olena\u202E oknevolaK',
      'Olena\u0000Kovalenko',
      'Olena\u0085Kovalenko',
      'Olena \u2066x\u2069',
      'Olena \ud800 Kovalenko',
    ]) {
      const res = await postJson(t.app, SUBMIT, guidanceBody({ lang: 'fi' }, { fullName: bad }));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const answer = (await res.json()) as { error: string; errors: { path: string; keyword: string; message: string }[] };
      expect(answer.error).toBe('invalid_answers');
      expect(answer.errors).toContainEqual({
        path: '/answers/fullName',
        keyword: 'characters',
        message: expect.stringContaining('poista vastauksesta näkymättömät merkit'),
      });
      refused.push(bad);
    }
    expect(refused).toHaveLength(5);
    expect(await storedSubmissions(t)).toHaveLength(0);
    // Line breaks and tabs stay allowed, and so does any language's own script.
    expect((await postJson(t.app, SUBMIT, guidanceBody({}, { fullName: 'Олена Коваленко', latinName: 'Olena\tKovalenko' }))).status).toBe(
      201,
    );
  });

  it('are refused in email addresses: a NUL or an override in a sign-in address is 400, nothing mailed', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    for (const email of [`${HEINOLA}\u0000`, `staff.heinola\u0000@koto.local`, `\u202Estaff.heinola@koto.local`]) {
      const res = await staffRequest(t, 'POST', '/api/auth/login', { body: { email } });
      expect(res.status, JSON.stringify(email)).toBe(400);
    }
    expect(t.mailer.sent).toHaveLength(0);
  });
});

describe('a staff member name', () => {
  it('with an override or a control character is refused with 400, nothing saved', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const cookie = await signIn(t, ADMIN);
    for (const name of ['Maija \u202EnenialiV', 'Maija\u0000Virtanen']) {
      const res = await staffRequest(t, 'PUT', '/api/admin/staff/maija@koto.local', {
        cookie,
        body: { name, role: 'staff', municipalities: ['heinola'] },
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect(await t.deps.app.staff.get('maija@koto.local')).toBeUndefined();
  });
});
