import { Hono, type Context } from 'hono';
import type { HeldSubmissions } from '../../../schemas/src/spam-contract.js';
import { listHeldSubmissions, releaseHeldSubmission } from '../domain/spam/held-submissions.js';
import type { AppDeps, Env } from './deps.js';
import { limitBody } from './json-body.js';
import { referenceParam } from './path-values.js';

/** `/api/admin/spam`: submissions held as suspected spam, and releasing one into the inbox. Mounted behind the admin checks. */
export function adminSpamRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const admin = (c: Context<Env>) => c.get('member');

  app.get('/spam', async (c) => c.json<HeldSubmissions>({ items: await listHeldSubmissions(deps, admin(c)) }));

  // No body: the reference says it all.
  app.post('/spam/:reference/release', limitBody(1024), async (c) => {
    await releaseHeldSubmission(deps, admin(c), referenceParam(c));
    deps.onSubmitted?.(referenceParam(c));
    return c.body(null, 204);
  });

  return app;
}
