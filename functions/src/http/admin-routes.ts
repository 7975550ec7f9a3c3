import { Hono } from 'hono';
import type { AppDeps, Env } from './deps.js';
import { requireMember, sameOrigin } from './session.js';

/** `/api/admin/*`: for admins only; the audit trail of a submission (reads, changes, exports, link actions). */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps, 'admin'));

  app.get('/audit/:reference', async (c) => {
    const reference = c.req.param('reference');
    const submission = await deps.store.getSubmission(reference, deps.clock.now());
    return c.json({ reference, entries: await deps.audit.list(reference), history: submission?.history ?? [] });
  });

  return app;
}
