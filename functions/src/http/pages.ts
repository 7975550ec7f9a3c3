import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { StaffTexts } from '../../../schemas/src/staff-texts.js';
import { PAGE_STYLE_PATH } from './page-style.js';

/**
 * A minimal server-rendered staff page (sign-in confirmation, action links) that looks like the staff area: its
 * header, type and 44 px buttons (`page-style.ts`, served same-origin), no script, no inline style.
 */
export function page(staff: StaffTexts, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  const { t } = staff;
  return html`<!doctype html>
    <html lang="${staff.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${t('app.pageTitle', { page: title })}</title>
        <link rel="stylesheet" href="${PAGE_STYLE_PATH}" />
      </head>
      <body>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/staff">${t('app.name')}<span class="brand__area">${t('app.area')}</span></a>
          </div>
        </header>
        <main class="page">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}
