import { Hono } from 'hono';
import type { SearchPage } from '../../../schemas/src/index.js';
import { searchSubmissions } from '../domain/staff/search-submissions.js';
import type { AppDeps, Env } from './deps.js';

/** `GET /api/staff/search?q=&municipality=`: behind the staff routes' session and origin checks. */
export function staffSearchRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get('/search', async (c) =>
    c.json<SearchPage>(await searchSubmissions(deps, c.get('member'), { q: c.req.query('q'), municipality: c.req.query('municipality') })),
  );
  return app;
}
