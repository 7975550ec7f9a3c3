import { Hono, type Context } from 'hono';
import {
  PUT_STAFF_REQUEST,
  SAVE_MUNICIPALITY_REQUEST,
  type AdminMunicipalitiesResponse,
  type SaveMunicipalityResponse,
  type StaffEntry,
  type StaffListResponse,
} from '../../../schemas/src/index.js';
import { listMunicipalities, saveMunicipality } from '../domain/admin/municipality-admin.js';
import { listStaff, putStaffMember, removeStaffMember } from '../domain/admin/staff-admin.js';
import type { AppDeps, Env } from './deps.js';
import { limitBody, readBody } from './json-body.js';

/** A person or a municipality's settings: small (twenty mailboxes for each of a hundred forms fit). */
const BODY_BYTES = 64 * 1024;

/**
 * `/api/admin/staff` and `/api/admin/municipalities`: who may sign in, and each municipality's offered forms,
 * mailboxes, contact details and walk-in hours. Mounted inside `adminRoutes`, behind its admin and Origin checks.
 */
export function adminStaffRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const actor = (c: Context<Env>) => c.get('member').email;

  app.get('/staff', async (c) => c.json<StaffListResponse>({ staff: await listStaff(deps) }));

  app.put('/staff/:email', limitBody(8 * 1024), async (c) => {
    const body = await readBody(c, PUT_STAFF_REQUEST);
    if (!body.ok) return body.response;
    return c.json<StaffEntry>(await putStaffMember(deps, c.req.param('email'), body.value, actor(c)));
  });

  app.delete('/staff/:email', async (c) => {
    await removeStaffMember(deps, c.req.param('email'), actor(c));
    return c.body(null, 204);
  });

  app.get('/municipalities', async (c) => c.json<AdminMunicipalitiesResponse>(await listMunicipalities(deps)));

  app.put('/municipalities/:id', limitBody(BODY_BYTES), async (c) => {
    const body = await readBody(c, SAVE_MUNICIPALITY_REQUEST);
    if (!body.ok) return body.response;
    return c.json<SaveMunicipalityResponse>(await saveMunicipality(deps, c.req.param('id'), body.value, actor(c)));
  });

  return app;
}
