import { describe, expect, it, vi } from 'vitest';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIGIN, ORIMATTILA, lastSignInToken, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp } from '../support/test-app.js';

useDynalite();

/** A sign-in link request from a client address (`x-test-client`), as the staff page makes it. */
function login(t: Awaited<ReturnType<typeof app>>, email: string, client = '127.0.0.1') {
  return t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-test-client': client },
    body: JSON.stringify({ email }),
  });
}

async function app(overrides: Parameters<typeof buildTestApp>[0] = {}) {
  const t = await buildTestApp(overrides);
  await seedStaff(t);
  return t;
}

describe('sign-in by emailed link', () => {
  it('answers 202 for known and unknown addresses alike, mailing only the known one', async () => {
    const t = await app();
    const known = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: ' Staff.Heinola@koto.local ' } });
    const unknown = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: 'nobody@koto.local' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(t.mailer.sent.map((m) => m.to)).toEqual([[HEINOLA]]);
    expect(t.mailer.sent[0]!.text).toContain('http://localhost:3000/auth/verify?token=');
  });

  it('answers a known address the same 202 as an unknown one when the mail cannot be sent, and logs no address', async () => {
    const t = await app();
    t.mailer.failWith = new Error('SMTP relay down');
    const known = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } });
    const unknown = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: 'nobody@koto.local' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'sign-in mail failed' }));
    expect(JSON.stringify(t.logs)).not.toContain(HEINOLA);
    t.mailer.failWith = undefined;
    expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } })).status).toBe(202);
    expect(lastSignInToken(t, HEINOLA)).toBeTruthy();
  });

  it('holds every answer, known address or not, until the sign-in floor has passed, so timing tells nothing', async () => {
    const t = await app();
    // The floor as a gate this test opens, instead of the second the servers wait.
    let floors = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    t.deps.app.signInFloor = () => (floors++, gate);
    const answered: string[] = [];
    const ask = (email: string) =>
      Promise.resolve(staffRequest(t, 'POST', '/api/auth/login', { body: { email } })).then((res: Response) => (answered.push(email), res));

    const known = ask(HEINOLA);
    const unknown = ask('nobody@koto.local');
    // The known address's mail is handed over, and the unknown one has nothing to do, while both answers wait.
    await vi.waitUntil(() => t.mailer.sent.length === 1 && floors === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toEqual([]);
    open();
    expect([(await known).status, (await unknown).status]).toEqual([202, 202]);
  });

  it('refuses a malformed address with 400, and answers 429 only to a client asking for more links than an office would', async () => {
    const t = await app({ loginRateLimit: { limit: 2, windowSeconds: 900 } });
    expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: 'not-an-email' } })).status).toBe(400);
    for (const email of [HEINOLA, ORIMATTILA])
      expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email } })).status).toBe(202);
    const limited = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: ADMIN } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // The person named is not shut out: their own request from elsewhere answers 202 with a link.
    const own = await login(t, HEINOLA, '192.0.2.44');
    expect(own.status).toBe(202);
    expect(t.mailer.sent.filter((m) => m.to.includes(HEINOLA))).toHaveLength(2);
  });

  it('cannot be used to lock a person out: requests naming them from elsewhere never stop their own link', async () => {
    const t = await app();
    for (let i = 0; i < 12; i++) expect((await login(t, HEINOLA, '203.0.113.66')).status).toBe(202);
    // Mails asked for from that client are capped silently (the same 202), so it cannot flood the mailbox.
    expect(t.mailer.sent.filter((m) => m.to.includes(HEINOLA))).toHaveLength(5);
    const own = await login(t, HEINOLA, '192.0.2.10');
    expect(own.status).toBe(202);
    expect(t.mailer.sent.filter((m) => m.to.includes(HEINOLA))).toHaveLength(6);
    expect((await staffRequest(t, 'POST', '/api/auth/session', { body: { token: lastSignInToken(t, HEINOLA) } })).status).toBe(200);
  });

  it('does not shut out a shared office address: each person there gets their links', async () => {
    const t = await app();
    const office = '198.51.100.20';
    for (let i = 0; i < 4; i++) for (const email of [HEINOLA, ORIMATTILA, ADMIN]) expect((await login(t, email, office)).status).toBe(202);
    for (const email of [HEINOLA, ORIMATTILA, ADMIN]) expect(t.mailer.sent.filter((m) => m.to.includes(email))).toHaveLength(4);
  });

  it('voids the older unused links of an address when a new one is mailed', async () => {
    const t = await app();
    await login(t, HEINOLA);
    const older = lastSignInToken(t, HEINOLA);
    await login(t, HEINOLA);
    const newer = lastSignInToken(t, HEINOLA);
    expect(newer).not.toBe(older);
    const refused = await staffRequest(t, 'POST', '/api/auth/session', { body: { token: older } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'unauthorized' });
    expect((await staffRequest(t, 'POST', '/api/auth/session', { body: { token: newer } })).status).toBe(200);
  });

  it('shows a confirm page on GET /auth/verify that does not use the token', async () => {
    const t = await app();
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } });
    const token = lastSignInToken(t, HEINOLA);
    const page = await t.app.request(`/auth/verify?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form class="page-form" method="post" action="/api/auth/session">');
    expect(page.headers.get('set-cookie')).toBeNull();
    expect((await staffRequest(t, 'POST', '/api/auth/session', { body: { token } })).status).toBe(200);
  });

  it('exchanges a token once for an HttpOnly, SameSite=Strict session cookie', async () => {
    const t = await app();
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } });
    const token = lastSignInToken(t, HEINOLA);
    const res = await staffRequest(t, 'POST', '/api/auth/session', { body: { token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: HEINOLA, role: 'staff', municipalities: ['heinola'] });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^koto_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const again = await staffRequest(t, 'POST', '/api/auth/session', { body: { token } });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 401 to a body that carries no plausible token, as to a used one, and signs nobody in', async () => {
    const t = await app();
    for (const body of [{}, [], { token: 42 }, { token: 'short' }, { token: 'x'.repeat(101) }, 'token']) {
      const res = await staffRequest(t, 'POST', '/api/auth/session', { body });
      expect(res.status, JSON.stringify(body)).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      expect(res.headers.get('set-cookie'), JSON.stringify(body)).toBeNull();
    }
  });

  it('marks the cookie Secure when the site is not on localhost', async () => {
    const t = await app({ publicUrl: 'https://koto.heinola.fi' });
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA }, origin: 'https://koto.heinola.fi' });
    const res = await staffRequest(t, 'POST', '/api/auth/session', {
      body: { token: lastSignInToken(t, HEINOLA) },
      origin: 'https://koto.heinola.fi',
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('names the cookie with the __Host- prefix outside localhost, and reads no unprefixed cookie there', async () => {
    const site = 'https://koto.heinola.fi';
    const t = await app({ publicUrl: site });
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA }, origin: site });
    const res = await staffRequest(t, 'POST', '/api/auth/session', { body: { token: lastSignInToken(t, HEINOLA) }, origin: site });
    const cookie = res.headers.get('set-cookie')!;
    // What browsers require of a __Host- cookie: Secure, Path=/, no Domain.
    expect(cookie).toMatch(/^__Host-koto_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    const id = /^__Host-koto_session=([^;]+)/.exec(cookie)![1]!;
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: `__Host-koto_session=${id}`, origin: site })).status).toBe(200);
    // A cookie a sibling subdomain could have set (no prefix) is not the session.
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: `koto_session=${id}`, origin: site })).status).toBe(401);
    const out = await staffRequest(t, 'POST', '/api/auth/logout', { cookie: `__Host-koto_session=${id}`, origin: site });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-koto_session=;.*Secure/);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie: `__Host-koto_session=${id}`, origin: site })).status).toBe(401);
  });

  it('refuses a token after 15 minutes', async () => {
    const t = await app();
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } });
    t.clock.advance(15 * 60_000 + 1000);
    expect((await staffRequest(t, 'POST', '/api/auth/session', { body: { token: lastSignInToken(t, HEINOLA) } })).status).toBe(401);
  });

  it('signs in from the confirm page form and redirects to /staff', async () => {
    const t = await app();
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA } });
    const res = await t.app.request('/api/auth/session', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: lastSignInToken(t, HEINOLA) }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff');
    expect(res.headers.get('set-cookie')).toMatch(/koto_session=/);
  });

  it('leads back to the staff page the member asked from, such as a submission opened from a notification', async () => {
    const t = await app();
    const next = '/staff/submissions/HEI-7KQ4-M2X9';
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA, next } });
    const mailed = t.mailer.sent.at(-1)!.text;
    expect(mailed).toContain(`&next=${encodeURIComponent(next)}`);
    const verifyPath = /http:\/\/localhost:3000(\/auth\/verify\?\S+)/.exec(mailed)![1]!;
    const page = await (await t.app.request(verifyPath)).text();
    expect(page).toContain(`<input type="hidden" name="next" value="${next}" />`);
    const res = await t.app.request('/api/auth/session', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: lastSignInToken(t, HEINOLA), next }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(next);
  });

  it('never leads off the staff area: an unsafe next is dropped from the mail, the page and the redirect', async () => {
    const t = await app();
    for (const next of [
      '//evil.example/staff/x',
      'https://evil.example/',
      '/staff/../admin',
      '/api/auth/logout',
      // Nothing but an action link's own confirm page under /a/.
      '//evil.example/a/abc.def',
      'https://evil.example/a/abc.def',
      '/a/abc.def/../../admin',
      '/a/abc.def?next=//evil.example',
      '/a/../staff',
      '/a/abc',
    ]) {
      // Past the address's allowance of 5 links per 15 minutes, so that each round gets a mail of its own.
      t.clock.advance(16 * 60_000);
      const login = await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA, next } });
      expect(login.status).toBe(202);
      expect(t.mailer.sent.at(-1)!.text).not.toContain('next=');
      const page = await (await t.app.request(`/auth/verify?token=x&next=${encodeURIComponent(next)}`)).text();
      expect(page).not.toContain('name="next"');
      const res = await t.app.request('/api/auth/session', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: lastSignInToken(t, HEINOLA), next }).toString(),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/staff');
    }
  });

  it('ends a session on sign-out and after 8 hours', async () => {
    const t = await app();
    const cookie = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await staffRequest(t, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    const other = await signIn(t, HEINOLA);
    t.clock.advance(8 * 3600_000 + 1000);
    expect((await staffRequest(t, 'GET', '/api/staff/submissions', { cookie: other })).status).toBe(401);
  });

  it('refuses cross-site state changes: no or foreign Origin is 403', async () => {
    const t = await app();
    const cookie = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA }, origin: null })).status).toBe(403);
    expect((await staffRequest(t, 'POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await staffRequest(t, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
  });
});
