import { readFileSync } from 'node:fs';
import type { StaffMember } from '../../functions/src/domain/staff/staff-member.js';
import type { buildTestApp } from './test-app.js';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

export const ORIGIN = 'http://localhost:3000';
export const LOCAL_STAFF = JSON.parse(readFileSync('schemas/staff/local.json', 'utf8')) as StaffMember[];
export const ADMIN = 'admin@koto.local';
export const HEINOLA = 'staff.heinola@koto.local';
export const ORIMATTILA = 'staff.orimattila@koto.local';

/** Puts the three local accounts into the test app's directory. */
export async function seedStaff(t: TestApp): Promise<void> {
  for (const member of LOCAL_STAFF) await t.deps.app.staff.put(member);
}

/** A same-origin request as the staff pages make it (Origin header, JSON, optional session cookie). */
export function staffRequest(
  t: TestApp,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; origin?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.origin !== null) headers['origin'] = opts.origin ?? ORIGIN;
  if (opts.cookie) headers['cookie'] = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return t.app.request(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

/** The token in the newest sign-in mail to `email`. */
export function lastSignInToken(t: TestApp, email: string): string {
  const mail = [...t.mailer.sent].reverse().find((m) => m.to.includes(email) && m.subject.startsWith('Kirjautumislinkki'));
  const token = mail && /token=([\w%-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-in mail to ${email}`);
  return decodeURIComponent(token);
}

/** Signs in through the real flow (login → mailed token → session) and returns the session cookie. */
export async function signIn(t: TestApp, email: string): Promise<string> {
  const login = await staffRequest(t, 'POST', '/api/auth/login', { body: { email } });
  if (login.status !== 202) throw new Error(`login answered ${login.status}`);
  const res = await staffRequest(t, 'POST', '/api/auth/session', { body: { token: lastSignInToken(t, email) } });
  if (res.status !== 200) throw new Error(`session answered ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}
