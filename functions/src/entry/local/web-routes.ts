import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { dirOf, isLang } from '../../../../schemas/src/index.js';
import { isServerPath } from '../../../../schemas/src/server-paths.js';
import type { Env } from '../../http/deps.js';

/** The built web app's index.html with `<html lang dir>` set for the page's language. */
export function pageHtml(indexHtml: string, path: string): string {
  const first = path.split('/')[1] ?? '';
  // Staff and admin pages are Finnish; resident pages carry their language first in the path.
  const lang = isLang(first) ? first : first === 'staff' || first === 'admin' ? 'fi' : 'en';
  return indexHtml.replace(/<html[^>]*>/, `<html lang="${lang}" dir="${dirOf(lang)}">`);
}

/** The built web app's index.html; fails fast with what to run when the app is not built. */
export function readIndexHtml(webDir: string): string {
  const indexPath = join(webDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run "npm run build" first`);
  return readFileSync(indexPath, 'utf8');
}

/** Serves the built web app: hashed assets cached for a year, every page path answered with index.html. */
export function webRoutes(app: Hono<Env>, webDir: string, indexHtml: string): void {
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => (isServerPath(c.req.path, true) ? next() : serveStatic({ root: webDir })(c, next)));
  app.get('*', (c, next) => {
    if (isServerPath(c.req.path, true) || /\.\w+$/.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(pageHtml(indexHtml, c.req.path));
  });
}
