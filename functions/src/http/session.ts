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

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure outside localhost, living as long as the session. */
export function setSessionCookie(c: Context, deps: Pick<AppDeps, 'origin' | 'clock'>, sessionId: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    secure: secure(deps),
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(0, expiresAt - epoch(deps.clock.now())),
  });
}

export function clearSessionCookie(c: Context, deps: Pick<AppDeps, 'origin'>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(deps), httpOnly: true, sameSite: 'Strict' });
}

export function sessionId(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** Lets the request through only with a live session; the member is then `c.get('member')`. */
export function requireMember(deps: AppDeps, role?: Role): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = sessionId(c);
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
