import { Hono } from 'hono';
import { html } from 'hono/html';
import { InvalidAssignee, NotFound, Unauthorized } from '../domain/errors.js';
import { actByLink, inspectLink, type LinkOutcome } from '../domain/staff/act-by-link.js';
import type { LinkAction } from '../domain/staff/action-link.js';
import type { AppDeps, Env } from './deps.js';
import { page } from './pages.js';
import { sameOrigin } from './session.js';

const ACTION_FI: Record<LinkAction, string> = { claim: 'Ota käsittelyyn', done: 'Merkitse valmiiksi' };
const OUTCOME_FI: Record<LinkOutcome, string> = {
  done: 'Tehty.',
  already: 'Tämä oli jo tehty; mitään ei muutettu.',
  claimed_by_other: 'Toinen käsittelijä on jo ottanut tämän käsittelyyn; mitään ei muutettu.',
};

/**
 * Runs a link step; an invalid, expired or dangling link, or one whose mailbox no longer works on the
 * municipality (routing changed since it was mailed), becomes a plain page, not a JSON error.
 */
async function orInvalidPage<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof Unauthorized || e instanceof NotFound || e instanceof InvalidAssignee)) throw e;
    const body = await page('Linkki ei kelpaa', html`<p>Linkki ei ole voimassa. Avaa lomake saapuneista: <a href="/staff">/staff</a></p>`);
    const status = e instanceof NotFound ? 404 : e instanceof InvalidAssignee ? 400 : 401;
    return new Response(String(body), { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' } });
  }
}

/** `/a/:token`: emailed action links. GET shows what the link would do and changes nothing; POST acts. */
export function actionRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/:token', async (c) => {
    const inspected = await orInvalidPage(() => inspectLink(deps, c.req.param('token')));
    if (inspected instanceof Response) return inspected;
    const { grant } = inspected;
    return c.html(
      page(
        `${ACTION_FI[grant.action]}: ${grant.reference}`,
        html`<p>Vahvista painamalla painiketta. Linkin avaaminen ei vielä muuta mitään.</p>
          <form method="post"><button type="submit">${ACTION_FI[grant.action]}</button></form>
          <p><a href="/staff/submissions/${grant.reference}">Avaa lomake (kirjautuminen vaaditaan)</a></p>`,
      ),
    );
  });

  app.post('/:token', async (c) => {
    const acted = await orInvalidPage(() => actByLink(deps, c.req.param('token')));
    if (acted instanceof Response) return acted;
    const { outcome, grant, submission } = acted;
    const status = outcome === 'claimed_by_other' ? 409 : 200;
    return c.html(
      page(
        `${ACTION_FI[grant.action]}: ${grant.reference}`,
        html`<p>${OUTCOME_FI[outcome]}</p>
          <p>Tila: ${submission.status}${submission.assignee ? html`, käsittelijä: ${submission.assignee}` : ''}</p>
          <p><a href="/staff/submissions/${grant.reference}">Avaa lomake</a></p>`,
      ),
      status,
    );
  });

  return app;
}
