import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, Env } from './deps.js';
import { actionRoutes } from './action-routes.js';
import { adminRoutes } from './admin-routes.js';
import { authRoutes } from './auth-routes.js';
import { FORMS_PATH, formsRoutes, inviteRoutes } from './forms-routes.js';
import { staffRoutes } from './staff-routes.js';
import { reportRoutes } from './report-routes.js';
import { onError } from './on-error.js';
import { problem } from './problem.js';
import { securityHeaders } from './security-headers.js';
import { limitBody } from './json-body.js';

/** The most any request body may carry unless its route allows more (sign-in, sign-out, triage, action links). */
export const DEFAULT_BODY_BYTES = 16 * 1024;
/** Routes that set a limit of their own (`limitBody` beside the route): submissions and the admins' bodies. */
const OWN_BODY_LIMIT = [/^\/api\/forms\/[^/]+\/submissions$/, /^\/api\/admin\//];

export interface AppOptions {
  /** Routes an entry point adds before the 404 handler, e.g. the local server's web files and mailbox. */
  extend?: (app: Hono<Env>) => void;
}

/** The whole HTTP surface, the same in Lambda and in the local server. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  app.use(requestId());
  app.use(securityHeaders());
  // Answers change with the data unless a route says otherwise (a published version's validator never changes).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  // Every body is bounded before it is read: no route buffers megabytes for a request that cannot be one.
  const defaultLimit = limitBody(DEFAULT_BODY_BYTES);
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || OWN_BODY_LIMIT.some((route) => route.test(c.req.path))) return next();
    return defaultLimit(c, next);
  });

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  // The forms as the store has them now: another instance's publish arrives within FORM_REFRESH_MS.
  for (const path of ['/api/*', '/a/*'])
    app.use(path, async (_c, next) => {
      await deps.registry.sync.ensureFresh(deps.clock.now());
      await next();
    });
  app.get('/api/municipalities', (c) =>
    c.json({ municipalities: deps.registry.catalog.municipalities().map(({ id, name }) => ({ id, name })) }),
  );
  app.route(FORMS_PATH, formsRoutes(deps));
  app.route('/api/feedback-invites', inviteRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/api/staff', staffRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api', reportRoutes(deps));
  app.route('/a', actionRoutes(deps));

  options.extend?.(app);
  app.notFound((c) => problem(c, 'not_found', 'No such resource.'));
  app.onError(onError(deps));
  return app;
}
