import { Hono } from 'hono';
import type { AdminFormsResponse, AuditTrail } from '../../../schemas/src/index.js';
import { formLanguages, sharedTextLanguages } from '../domain/admin/form-languages.js';
import { NotFound } from '../domain/errors.js';
import type { AppDeps, Env } from './deps.js';
import { requireMember, sameOrigin } from './session.js';

/** `/api/admin/*`: for admins only; forms with their languages' review state, and a submission's audit trail. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps, 'admin'));

  app.get('/forms', (c) =>
    c.json<AdminFormsResponse>({ forms: formLanguages(deps.registry), sharedTexts: { languages: sharedTextLanguages(deps.registry) } }),
  );

  app.get('/audit/:reference', async (c) => {
    const reference = c.req.param('reference');
    const now = deps.clock.now();
    // The trail lives as long as the submission: once it has expired (swept or not) there is nothing to show.
    const submission = await deps.store.getSubmission(reference, now);
    if (!submission) throw new NotFound(`No submission ${reference}.`);
    return c.json<AuditTrail>({ reference, entries: await deps.audit.list(reference, now), history: submission.history ?? [] });
  });

  return app;
}
