import { Hono } from 'hono';
import { formLanguages } from '../domain/admin/form-languages.js';
import type { AppDeps, Env } from './deps.js';
import { requireMember, sameOrigin } from './session.js';

/** `/api/admin/*`: for admins only; forms with their languages' review state, and a submission's audit trail. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps, 'admin'));

  app.get('/forms', (c) => c.json({ forms: formLanguages(deps.registry) }));

  app.get('/audit/:reference', async (c) => {
    const reference = c.req.param('reference');
    const submission = await deps.store.getSubmission(reference, deps.clock.now());
    return c.json({ reference, entries: await deps.audit.list(reference), history: submission?.history ?? [] });
  });

  return app;
}
