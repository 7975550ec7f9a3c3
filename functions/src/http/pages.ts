import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { StaffTexts } from '../../../schemas/src/staff-texts.js';

/** A minimal server-rendered staff page (sign-in confirmation, action links): no script, no inline style. */
export function page(staff: StaffTexts, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
    <html lang="${staff.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${staff.t('app.pageTitle', { page: title })}</title>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}
