import { Hono, type Context } from 'hono';
import {
  CREATE_FORM_REQUEST,
  MAX_DEFINITION_BYTES,
  PUBLISH_REQUEST,
  ROLLBACK_REQUEST,
  SAVE_DRAFT_REQUEST,
  type AdminFormsResponse,
  type AuditTrail,
  type DraftResponse,
  type FormDefinition,
  type PublishResponse,
  type SaveDraftResponse,
  type VersionsResponse,
} from '../../../schemas/src/index.js';
import { sharedTextLanguages } from '../domain/admin/form-languages.js';
import {
  createForm,
  listAdminForms,
  listVersions,
  publishDraft,
  readDraft,
  readVersion,
  rollBack,
  saveDraft,
} from '../domain/admin/form-drafts.js';
import { NotFound } from '../domain/errors.js';
import { adminRightsRoutes } from './admin-rights-routes.js';
import { readAuditTrail } from '../domain/staff/read-submission.js';
import { adminStaffRoutes } from './admin-staff-routes.js';
import { adminSpamRoutes } from './admin-spam-routes.js';
import type { AppDeps, Env } from './deps.js';
import { auditedRead } from './audited-read.js';
import { limitBody, readBody } from './json-body.js';
import { referenceParam } from './path-values.js';
import { requireMember, sameOrigin } from './session.js';

/** A change note, an id or a version number: nothing an admin sends but a draft needs more. */
const SMALL_BODY_BYTES = 8 * 1024;

/** A version number from the path; anything else is no version there is. */
function versionParam(c: Context, formId: string): number {
  const raw = c.req.param('version') ?? '';
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new NotFound(`Form "${formId}" has no version ${raw}.`);
  return Number(raw);
}

/**
 * `/api/admin/*`: for admins only. Forms as versioned data (list, create, draft, publish, versions, rollback; each
 * change audited under `form:<id>`), the languages' review state, a submission's audit trail, and residents' rights.
 */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.use('*', sameOrigin(deps), requireMember(deps, 'admin'));
  const actor = (c: Context<Env>) => c.get('member').email;

  app.get('/forms', async (c) =>
    c.json<AdminFormsResponse>({ forms: await listAdminForms(deps), sharedTexts: { languages: sharedTextLanguages(deps.registry) } }),
  );

  app.post('/forms', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readBody(c, CREATE_FORM_REQUEST);
    if (!body.ok) return body.response;
    return c.json<DraftResponse>(await createForm(deps, body.value.id, actor(c)), 201);
  });

  app.get('/forms/:formId/draft', async (c) => c.json<DraftResponse>(await readDraft(deps, c.req.param('formId'))));

  // The draft's JSON with room for the request around it; a larger definition is refused before it is read.
  app.put('/forms/:formId/draft', limitBody(MAX_DEFINITION_BYTES + 1024), async (c) => {
    const body = await readBody(c, SAVE_DRAFT_REQUEST);
    if (!body.ok) return body.response;
    const { definition, revision } = body.value;
    return c.json<SaveDraftResponse>(await saveDraft(deps, c.req.param('formId'), definition, revision, actor(c)));
  });

  app.post('/forms/:formId/publish', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readBody(c, PUBLISH_REQUEST);
    if (!body.ok) return body.response;
    const version = await publishDraft(deps, c.req.param('formId'), body.value.note, actor(c), body.value.revision);
    return c.json<PublishResponse>({ version }, 201);
  });

  app.get('/forms/:formId/versions', async (c) => c.json<VersionsResponse>(await listVersions(deps, c.req.param('formId'))));

  app.get('/forms/:formId/versions/:version', async (c) => {
    const formId = c.req.param('formId');
    return c.json<FormDefinition>(await readVersion(deps, formId, versionParam(c, formId)));
  });

  app.post('/forms/:formId/rollback', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readBody(c, ROLLBACK_REQUEST);
    if (!body.ok) return body.response;
    const version = await rollBack(deps, c.req.param('formId'), body.value.version, actor(c), body.value.note);
    return c.json<PublishResponse>({ version }, 201);
  });

  // Staff and municipalities, behind the same checks.
  app.route('/', adminStaffRoutes(deps));
  // Residents' rights by reference: export, correct, erase.
  app.route('/', adminRightsRoutes(deps));
  app.route('/', adminSpamRoutes(deps));

  app.get('/audit/:reference', auditedRead, async (c) =>
    c.json<AuditTrail>(await readAuditTrail(deps, c.get('member'), referenceParam(c))),
  );

  return app;
}
