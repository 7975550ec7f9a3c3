import { Hono } from 'hono';
import { html } from 'hono/html';
import { InvalidRequest, RateLimited, Unauthorized } from '../domain/errors.js';
import { safeNextPath, STAFF_HOME } from '../../../schemas/src/next-path.js';
import { endSession, requestSignIn, startSession } from '../domain/staff/sign-in.js';
import { normaliseEmail } from '../domain/staff/staff-member.js';
import type { AppDeps, Env } from './deps.js';
import { checkShape, readBody, readJson } from './json-body.js';
import { PAGE_STYLE, PAGE_STYLE_PATH } from './page-style.js';
import { page } from './pages.js';
import { SESSION_REQUEST, SIGN_IN_REQUEST, isEmailAddress, type Member } from '../../../schemas/src/index.js';
import { clearSessionCookie, requireMember, sameOrigin, sessionId, setSessionCookie } from './session.js';

/** `/api/auth/*` and `/auth/verify`: sign-in by emailed link, sessions, sign-out. */
export function authRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('/api/auth/*', sameOrigin(deps));

  app.post('/api/auth/login', async (c) => {
    const body = await readBody(c, SIGN_IN_REQUEST);
    if (!body.ok) return body.response;
    const { email } = body.value;
    // The staff page the member was on; an unsafe one is dropped, not refused, so the answer stays the same.
    const next = safeNextPath(body.value.next);
    if (!isEmailAddress(email.trim())) throw new InvalidRequest('"email" must be an email address.');
    const now = deps.clock.now();
    const client = deps.clientIp(c);
    // A client asking for more links than any office would is refused; that tells it nothing about accounts.
    const perClient = await deps.loginLimiter.hit(deps.crypto.sha256(`login-ip:${client}`), now);
    if (!perClient.allowed) throw new RateLimited(perClient.retryAfterSeconds);
    // Mails to one address are capped per requesting client, silently: requests from elsewhere never use up the
    // allowance of the person's own, and the answer is the same 202 either way.
    const perMailbox = await deps.loginMailLimiter.hit(deps.crypto.sha256(`login-mail:${normaliseEmail(email)}|${client}`), now);
    // A known address waits for its mail, an unknown one does not: both answer no sooner than the floor.
    await Promise.all([perMailbox.allowed ? requestSignIn(deps, email, next) : undefined, deps.signInFloor()]);
    // The same answer whether or not the address has an account.
    return c.json({ status: 'accepted', message: 'If the address has an account, a sign-in link is on its way.' }, 202);
  });

  const staff = deps.staffTexts;
  const { t } = staff;

  // The server's pages' stylesheet: same-origin, as the CSP wants, under the server's own `/auth/` paths.
  app.get(PAGE_STYLE_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=UTF-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PAGE_STYLE);
  });

  app.get('/auth/verify', (c) => {
    const token = c.req.query('token') ?? '';
    const next = safeNextPath(c.req.query('next'));
    c.header('Cache-Control', 'no-store');
    // A mail scanner fetching this page changes nothing: signing in needs the button's POST.
    return c.html(
      page(
        staff,
        t('signIn.heading'),
        html`<p>${t('signIn.verify')}</p>
          <form class="page-form" method="post" action="/api/auth/session">
            <input type="hidden" name="token" value="${token}" />
            ${next ? html`<input type="hidden" name="next" value="${next}" />` : ''}
            <button class="button" type="submit">${t('signIn.verifyButton')}</button>
          </form>`,
      ),
    );
  });

  app.post('/api/auth/session', async (c) => {
    const isForm = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
    let raw: unknown;
    if (isForm) raw = await c.req.parseBody();
    else {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      raw = body.value;
    }
    // A body without a plausible token is a link that cannot work: 401 like a used or unknown one, not 400.
    const request = checkShape(raw, SESSION_REQUEST);
    if (!request.ok) throw new Unauthorized('This sign-in link is not valid.');
    const { token } = request.value;
    const next = isForm ? safeNextPath(request.value.next) : undefined;
    try {
      const { sessionId: id, member, expiresAt } = await startSession(deps, token);
      setSessionCookie(c, deps, id, expiresAt);
      return isForm ? c.redirect(next ?? STAFF_HOME, 303) : c.json(member, 200);
    } catch (e) {
      if (!(e instanceof Unauthorized) || !isForm) throw e;
      return c.html(
        page(
          staff,
          t('signIn.invalidLink'),
          html`<p>${e.message}</p>
            <p><a class="page-link" href="${next ?? STAFF_HOME}">${t('signIn.again')}</a></p>`,
        ),
        401,
      );
    }
  });

  app.post('/api/auth/logout', async (c) => {
    const id = sessionId(c, deps);
    if (id) await endSession(deps, id);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.get('/api/auth/me', requireMember(deps), (c) => c.json<Member>(c.get('member')));

  return app;
}
