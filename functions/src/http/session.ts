import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { Forbidden, Unauthorized } from '../domain/errors.js';
import { sessionMember } from '../domain/staff/sign-in.js';
import type { Role } from '../domain/staff/staff-member.js';
import type { AppDeps, Env } from './deps.js';
import { epoch } from '../domain/epoch.js';

export const SESSION_COOKIE = 'koto_session';

/** Cookies get `Secure` unless the site is served from this machine over plain http. */
const secure = (deps: Pick<AppDeps, 'origin'>): boolean => !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(deps.origin);

/**
 * The session cookie's name: `__Host-koto_session` outside localhost, a name browsers accept only from this very
 * host, over https, for path `/` and without `Domain`, so a sibling subdomain can neither set nor shadow it;
 * plain `koto_session` on http://localhost, where a `Secure` cookie cannot be set.
 */
export const sessionCookieName = (deps: Pick<AppDeps, 'origin'>): string => (secure(deps) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure and `__Host-` outside localhost, living as long as the session. */
export function setSessionCookie(c: Context, deps: Pick<AppDeps, 'origin' | 'clock'>, sessionId: string, expiresAt: number): void {
  setCookie(c, sessionCookieName(deps), sessionId, {
    httpOnly: true,
    secure: secure(deps),
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(0, expiresAt - epoch(deps.clock.now())),
  });
}

export function clearSessionCookie(c: Context, deps: Pick<AppDeps, 'origin'>): void {
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: secure(deps), httpOnly: true, sameSite: 'Strict' });
}

/** The session id the request carries under the site's cookie name (a `koto_session` beside `__Host-` is ignored). */
export function sessionId(c: Context, deps: Pick<AppDeps, 'origin'>): string | undefined {
  return getCookie(c, sessionCookieName(deps));
}

/** Lets the request through only with a live session; the member is then `c.get('member')`. */
export function requireMember(deps: AppDeps, role?: Role): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = sessionId(c, deps);
    const member = id ? await sessionMember(deps, id) : undefined;
    if (!member) throw new Unauthorized('Sign in first.');
    if (role && member.role !== role) throw new Forbidden('This needs the admin role.');
    c.set('member', member);
    await next();
  };
}

/**
 * Refuses cross-site state changes: besides SameSite=Strict cookies, a non-GET request must come from the site's
 * own origin (Origin header), so a form on another site can never act with a staff member's session.
 */
export function sameOrigin(deps: Pick<AppDeps, 'origin'>): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.header('origin') !== deps.origin) throw new Forbidden('Cross-site request refused.');
    }
    await next();
  };
}
