import { Hono } from 'hono';
import { html } from 'hono/html';
import type { StaffKey, StaffTexts } from '../../../schemas/src/staff-texts.js';
import { InvalidAssignee, NotFound, Unauthorized } from '../domain/errors.js';
import { actByLink, inspectLink, type LinkOutcome } from '../domain/staff/act-by-link.js';
import type { LinkAction } from '../domain/staff/action-link.js';
import type { AppDeps, Env } from './deps.js';
import { page } from './pages.js';
import { sameOrigin, sessionId } from './session.js';
import { sessionMember } from '../domain/staff/sign-in.js';

const OUTCOMES: Record<LinkOutcome, StaffKey> = {
  done: 'actionPage.outcome.done',
  already: 'actionPage.outcome.already',
  claimed_by_other: 'actionPage.outcome.claimedByOther',
  closed_since: 'actionPage.outcome.closedSince',
};

/**
 * Runs a link step; an invalid or expired link, one whose submission is gone (erased or past its retention), or
 * one whose mailbox no longer works on the municipality (routing changed since it was mailed), becomes a plain
 * page, not a JSON error.
 */
async function orInvalidPage<T>(staff: StaffTexts, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof Unauthorized || e instanceof NotFound || e instanceof InvalidAssignee)) throw e;
    // A link whose submission is gone (erased on request, or past its retention) says so, not that it is invalid.
    const gone = e instanceof NotFound;
    const body = await page(
      staff,
      staff.t(gone ? 'actionPage.goneTitle' : 'signIn.invalidLink'),
      html`<p>${staff.t(gone ? 'actionPage.gone' : 'actionPage.invalid')} <a class="page-link" href="/staff">/staff</a></p>`,
    );
    const status = e instanceof NotFound ? 404 : e instanceof InvalidAssignee ? 400 : 401;
    return new Response(String(body), { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' } });
  }
}

/** `/a/:token`: emailed action links. GET shows what the link would do and changes nothing; POST acts. */
export function actionRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const staff = deps.staffTexts;
  const { t } = staff;
  const title = (action: LinkAction, reference: string) => t('actionPage.title', { action: t(`actions.${action}`), reference });
  app.use('*', sameOrigin(deps), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/:token', async (c) => {
    const token = c.req.param('token');
    const inspected = await orInvalidPage(staff, () => inspectLink(deps, token));
    if (inspected instanceof Response) return inspected;
    const { grant } = inspected;
    // Someone not signed in is offered to sign in and come back here, so that the action is theirs.
    const id = sessionId(c, deps);
    const member = id ? await sessionMember(deps, id) : undefined;
    return c.html(
      page(
        staff,
        title(grant.action, grant.reference),
        html`<p>${t('actionPage.confirm')}</p>
          <p>${t('actionPage.who')}</p>
          <form class="page-form" method="post"><button class="button" type="submit">${t(`actions.${grant.action}`)}</button></form>
          ${
            member
              ? ''
              : html`<p><a class="page-link" href="/staff?next=${encodeURIComponent(`/a/${token}`)}">${t('actionPage.signInHere')}</a></p>`
          }
          <p><a class="page-link" href="/staff/submissions/${grant.reference}">${t('actionPage.openSignIn')}</a></p>`,
      ),
    );
  });

  app.post('/:token', async (c) => {
    // The confirm page posts from this site, so a signed-in member's cookie comes along: the action is theirs.
    const id = sessionId(c, deps);
    const member = id ? await sessionMember(deps, id) : undefined;
    const acted = await orInvalidPage(staff, () => actByLink(deps, c.req.param('token'), member));
    if (acted instanceof Response) return acted;
    const { outcome, grant, submission } = acted;
    const status = outcome === 'claimed_by_other' || outcome === 'closed_since' ? 409 : 200;
    const state = { status: staff.status(submission.status), assignee: submission.assignee ?? '' };
    return c.html(
      page(
        staff,
        title(grant.action, grant.reference),
        html`<p>${t(OUTCOMES[outcome])}</p>
          <p class="page-state">${t(submission.assignee ? 'actionPage.stateAssignee' : 'actionPage.state', state)}</p>
          <p><a class="page-link" href="/staff/submissions/${grant.reference}">${t('actionPage.open')}</a></p>`,
      ),
      status,
    );
  });

  return app;
}
