import { Hono } from 'hono';
import {
  SUBMISSION_BODY,
  isLang,
  type FormResponse,
  type InviteResponse,
  type ServicesResponse,
  type StartResponse,
} from '../../../schemas/src/index.js';
import { issueStartToken } from '../domain/spam/spam-signals.js';
import { InvalidRequest, RateLimited, UnknownForm, UnsupportedLanguage } from '../domain/errors.js';
import { readInvite } from '../domain/feedback-invite.js';
import { getLocalizedForm, listForms } from '../domain/list-forms.js';
import { submitForm, type SubmitInput } from '../domain/submit-form.js';
import type { AppDeps, Env } from './deps.js';
import { limitBody, readBody, requiredQuery } from './json-body.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** Where these routes are mounted: the redirects name the full path. */
export const FORMS_PATH = '/api/forms';

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(header)) throw new InvalidRequest('Idempotency-Key must be 8 to 128 visible ASCII characters.');
  return header;
}

/** `/api/forms`: the forms a municipality offers, one localized form, and submitting answers. */
export function formsRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  // The tag of the towns' data and the shared texts, made again when an admin's change replaces the towns' list.
  let tagged: { of: unknown; tag: string } | undefined;
  const textsTag = () => {
    const shared = deps.registry.sharedTexts;
    if (tagged?.of !== shared.municipalities)
      tagged = { of: shared.municipalities, tag: deps.crypto.sha256(JSON.stringify(shared)).slice(0, 16) };
    return tagged.tag;
  };
  const localizedFormPath = (formId: string, version: number, municipality: string, lang: string) =>
    `${FORMS_PATH}/${encodeURIComponent(formId)}/versions/${version}?${new URLSearchParams({ municipality, lang, texts: textsTag() })}`;

  app.get('/', (c) => {
    const municipality = requiredQuery(c, 'municipality');
    const lang = requiredQuery(c, 'lang');
    if (!isLang(lang)) throw new UnsupportedLanguage(`Unknown language "${lang}".`);
    const forms = listForms(deps.registry, municipality, lang);
    const m = deps.registry.catalog.municipality(municipality);
    return c.json<ServicesResponse>({
      forms,
      municipality: {
        id: m.id,
        name: m.name,
        contact: m.contact,
        privacyNoticeUrl: m.privacyNoticeUrl,
        texts: deps.registry.texts.vars(m, lang),
      },
    });
  });

  // The current version of a form, localized: a redirect to that version's immutable URL, so a resident's browser
  // fetches a version's texts once and this small answer is all a publish changes.
  app.get('/:formId', (c) => {
    const formId = c.req.param('formId');
    const municipality = requiredQuery(c, 'municipality');
    const { version, lang } = getLocalizedForm(deps.registry, municipality, formId, requiredQuery(c, 'lang'));
    c.header('Cache-Control', 'no-store');
    return c.redirect(localizedFormPath(formId, version, municipality, lang), 302);
  });

  // One published version of a form as a town's residents read it in a language. The URL carries the version and a
  // tag of the texts it was localized with (the towns' data, which admins change, and the shared texts),
  // so the answer never changes and is cached for a year; an outdated tag is sent on to the current one.
  app.get('/:formId/versions/:version{[1-9]\\d{0,8}}', async (c) => {
    const formId = c.req.param('formId');
    const municipality = requiredQuery(c, 'municipality');
    const form = await deps.registry.versions.formVersion(municipality, formId, Number(c.req.param('version')));
    const lang = deps.registry.texts.requireLanguage(form, requiredQuery(c, 'lang'));
    if (c.req.query('texts') !== textsTag()) {
      c.header('Cache-Control', 'no-store');
      return c.redirect(localizedFormPath(formId, form.version, municipality, lang), 302);
    }
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.json<FormResponse>(deps.registry.texts.localized(form, deps.registry.catalog.municipality(municipality), lang));
  });

  // A published version's validator, for the resident page to import: immutable, so cached for a year.
  app.get('/:formId/versions/:version/validator.mjs', async (c) => {
    const version = c.req.param('version');
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new UnknownForm(`No version ${version}.`);
    const source = await deps.registry.versions.validatorModule(c.req.param('formId'), Number(version));
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(source);
  });

  // When the form was first shown, signed: answers back sooner than a person fills a form are held as suspected spam.
  app.get('/:formId/start', (c) => {
    const formId = c.req.param('formId');
    if (!deps.registry.catalog.forms().some((f) => f.id === formId)) throw new UnknownForm(`Unknown form "${formId}".`);
    return c.json<StartResponse>({ startToken: issueStartToken(deps, formId, deps.clock.now()) });
  });

  app.post(
    '/:formId/submissions',
    async (c, next) => {
      const limit = await deps.submissionLimiter.hit(deps.crypto.sha256(`ip:${deps.clientIp(c)}`), deps.clock.now());
      if (!limit.allowed) throw new RateLimited(limit.retryAfterSeconds);
      await next();
    },
    limitBody(MAX_BODY_BYTES),
    async (c) => {
      const body = await readBody(c, SUBMISSION_BODY);
      if (!body.ok) return body.response;
      const { invite, extra, startToken, ...fields } = body.value;
      const input: SubmitInput = {
        formId: c.req.param('formId'),
        ...fields,
        ...(invite != null ? { invite } : {}),
        idempotencyKey: idempotencyKeyOf(c.req.header('idempotency-key')),
        signals: { ...(extra != null ? { honeypot: extra } : {}), ...(startToken != null ? { startToken } : {}) },
        client: deps.crypto.sha256(`ip:${deps.clientIp(c)}`),
      };
      const receipt = await submitForm(deps, input);
      deps.log({
        level: 'info',
        msg: 'submission stored',
        requestId: c.get('requestId'),
        reference: receipt.reference,
        form: input.formId,
      });
      deps.onSubmitted?.(receipt.reference);
      return c.json(receipt, 201);
    },
  );

  return app;
}

/** `/api/feedback-invites`: what a personal feedback link is about, for the form page to show and fix. */
export function inviteRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get('/:token', async (c) => {
    const invite = await readInvite(deps, requiredQuery(c, 'municipality'), c.req.param('token'));
    c.header('Cache-Control', 'no-store');
    return c.json<InviteResponse>({ municipality: invite.municipality, service: invite.service });
  });
  return app;
}
