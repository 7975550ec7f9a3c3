import type { Hono, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { UnknownOutboxMessage, listOutbox, readOutboxMessage } from '../../adapters/file-mailer.js';
import { listSmsOutbox } from '../../adapters/file-sms.js';
import type { Env } from '../../http/deps.js';
import { problem } from '../../http/problem.js';

/**
 * `/dev/mail`: the local mail and SMS outboxes as a page, so sign-in links, notifications and confirmations can be
 * read. Local file-mail mode only (the local server adds it only then). It answers only a request whose `Host` is
 * one of `hosts` (the site's own and the bound port on localhost): a page of another site whose name an attacker
 * points at 127.0.0.1 (DNS rebinding) is same-origin with itself, not with this, and gets 403, never the sign-in links.
 */
export function devMailRoutes(app: Hono<Env>, outboxDir: string, smsOutboxDir: string, hosts: readonly string[]): void {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const ownHost: MiddlewareHandler<Env> = async (c, next) => {
    if (!allowed.has((c.req.header('host') ?? '').toLowerCase()))
      return problem(c, 'forbidden', 'The local outbox answers only on its own host.');
    await next();
  };
  app.use('/dev/mail', ownHost);
  app.use('/dev/mail/*', ownHost);
  app.get('/dev/mail', async (c) => {
    const entries = await listOutbox(outboxDir);
    const texts = await listSmsOutbox(smsOutboxDir);
    c.header('Cache-Control', 'no-store');
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Local mail outbox</title>
          </head>
          <body>
            <main>
              <h1>Local mail outbox</h1>
              <p>${entries.length} message(s) in ${outboxDir}, newest first.</p>
              <ul>
                ${entries.map((e) => html`<li><a href="/dev/mail/${e.file}">${e.subject}</a> to ${e.to.join(', ')} at ${e.date.toISOString()}</li>`)}
              </ul>
              <h2>Text messages (SMS)</h2>
              <p>${texts.length} message(s) in ${smsOutboxDir}, newest first.</p>
              <ul class="sms">
                ${texts.map((s) => html`<li><strong>${s.to}</strong> at ${s.sentAt}: <span dir="auto">${s.text}</span></li>`)}
              </ul>
            </main>
          </body>
        </html>`,
    );
  });
  app.get('/dev/mail/:file', async (c) => {
    try {
      const raw = await readOutboxMessage(outboxDir, c.req.param('file'));
      return c.text(raw, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    } catch (e) {
      if (e instanceof UnknownOutboxMessage) return problem(c, 'not_found', 'No such message.');
      throw e;
    }
  });
}
