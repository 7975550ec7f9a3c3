import { Hono } from 'hono';
import { SUBMISSION_BODY, isLang, type FormResponse, type ServicesResponse } from '../../../schemas/src/index.js';
import { InvalidRequest, RateLimited, UnknownForm, UnsupportedLanguage } from '../domain/errors.js';
import { getLocalizedForm, listForms } from '../domain/list-forms.js';
import { submitForm, type SubmitInput } from '../domain/submit-form.js';
import type { AppDeps, Env } from './deps.js';
import { limitBody, readBody, requiredQuery } from './json-body.js';

export const MAX_BODY_BYTES = 64 * 1024;

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(header)) throw new InvalidRequest('Idempotency-Key must be 8 to 128 visible ASCII characters.');
  return header;
}

/** `/api/forms`: the forms a municipality offers, one localized form, and submitting answers. */
export function formsRoutes(deps: AppDeps) {
  const app = new Hono<Env>();

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

  app.get('/:formId', (c) => {
    const municipality = requiredQuery(c, 'municipality');
    return c.json<FormResponse>(getLocalizedForm(deps.registry, municipality, c.req.param('formId'), requiredQuery(c, 'lang')));
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
      const input: SubmitInput = {
        formId: c.req.param('formId'),
        ...body.value,
        idempotencyKey: idempotencyKeyOf(c.req.header('idempotency-key')),
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
