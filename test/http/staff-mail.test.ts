import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime } from '../../functions/src/adapters/mime.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, catalog, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

/** Submits the guidance form, runs the notifier and parses the first staff mail as it goes on the wire. */
async function staffMail(t: T, answers: Record<string, unknown> = {}) {
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, answers));
  expect(res.status).toBe(201);
  await notifyStaff(t.deps.notify);
  const mail = t.mailer.sent.find((m) => m.to.includes('kotoutumisohjaaja@heinola.fi'))!;
  const parsed = await simpleParser((await buildMime(mail)).raw);
  return { text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '' };
}

describe('the staff notification mail, in the staff language', () => {
  it('names each answer with its short staff label, not the question put to the resident', async () => {
    const { text, html } = await staffMail(await buildTestApp(), { contactTime: 'morning' });
    expect(text).toContain('Yhteydenottotapa: Puhelu');
    expect(text).toContain('Asiointikieli: ukraina');
    expect(text).toContain('Sopiva yhteydenottoaika: Aamupäivällä');
    expect(text).toContain('Tarvitsee tulkin: Kyllä');
    // A closed choice, so the interpreter can be booked from the mail.
    expect(text).toContain('Tulkin kieli: ukraina');
    expect(html).toContain('<th scope="row" align="left">Yhteydenottotapa</th><td>Puhelu</td>');
    for (const part of [text, html]) {
      expect(part).not.toContain('Miten otamme sinuun yhteyttä?');
      expect(part).not.toContain('Tarvitsetko tulkin?');
    }
  });

  it('falls back to the Finnish label for a question the form gives no staff label', async () => {
    const plain = structuredClone(catalog);
    const form = plain.forms.find((f) => f.id === 'guidance')!;
    const { contactWay: _dropped, ...rest } = form.meta.staffLabels!;
    form.meta.staffLabels = rest;
    const { text } = await staffMail(await buildTestApp({ catalog: plain }));
    expect(text).toContain('Miten otamme sinuun yhteyttä?: Puhelu');
    expect(text).toContain('Asiointikieli: ukraina');
  });

  it('shows a closed-choice interpreter language once a form marks it safe for email', async () => {
    const closed = structuredClone(catalog);
    const form = closed.forms.find((f) => f.id === 'guidance')!;
    form.schema.properties!['interpreterLanguage'] = { type: 'string', enum: ['uk', 'ar', 'other'] };
    for (const texts of Object.values(form.texts))
      texts!.fields['interpreterLanguage']!.options = { uk: 'ukraina', ar: 'arabia', other: 'jokin muu' };
    form.meta.emailSafeFields.push('interpreterLanguage');
    form.meta.staffLabels = { ...form.meta.staffLabels, interpreterLanguage: 'Tulkin kieli' };
    const { text } = await staffMail(await buildTestApp({ catalog: closed }), { interpreterLanguage: 'ar' });
    expect(text).toContain('Tarvitsee tulkin: Kyllä');
    expect(text).toContain('Tulkin kieli: arabia');
  });
});

describe("the server's staff pages", () => {
  it('link a same-origin stylesheet, served as CSS, and carry no inline style', async () => {
    const t = await buildTestApp();
    const page = await t.app.request('/auth/verify?token=x');
    const html = await page.text();
    expect(html).toContain('<link rel="stylesheet" href="/auth/pages.css" />');
    expect(html).toContain('<button class="button" type="submit">Kirjaudu sisään / Sign in</button>');
    expect(html).not.toMatch(/style=|<style/);
    expect(page.headers.get('content-security-policy')).toMatch(/style-src 'self'/);
    const css = await t.app.request('/auth/pages.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=UTF-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await css.text()).toMatch(/\.button \{[^}]*min-block-size: 3rem/);
  });
});
