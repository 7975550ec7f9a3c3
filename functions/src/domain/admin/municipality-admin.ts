import { staffFormTitle } from '../../../../schemas/src/staff-label.js';
import {
  canonicalJson,
  lintMunicipality,
  municipalityShapeProblems,
  problemLines,
  type AdminMunicipalitiesResponse,
  type AdminMunicipality,
  type SaveMunicipalityRequest,
  type SaveMunicipalityResponse,
} from '../../../../schemas/src/index.js';
import { epochAfterDays } from '../epoch.js';
import { InvalidRequest, StaleRevision } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import { MUNICIPALITY_SEEDER, dataOf, type MunicipalitySync } from '../municipality-sync.js';
import type { AuditLog, Clock, MunicipalityData, StoredMunicipality } from '../ports.js';

export interface MunicipalityAdminDeps {
  registry: FormRegistry;
  audit: AuditLog;
  clock: Clock;
}

/** How long a change to a municipality stays in the audit log, as a form's changes do. */
const MUNICIPALITY_AUDIT_DAYS = 10 * 365;
/** The placeholders a municipality's texts fill from its walk-in. */
const WALK_IN_PLACEHOLDER = /\{\{\s*(weekday|opens|closes|address)\s*\}\}/;

function syncOf(deps: MunicipalityAdminDeps): MunicipalitySync {
  if (!deps.registry.municipalities) throw new Error('this registry serves the municipality files: it has no store to save to');
  return deps.registry.municipalities;
}

/** The store's municipalities by id; one the store lacks (never seeded) is its file at revision 0. */
async function stored(deps: MunicipalityAdminDeps): Promise<Map<string, StoredMunicipality>> {
  const list = await syncOf(deps).store.list();
  const byId = new Map(list.map((m) => [m.data.id, m]));
  for (const m of deps.registry.catalog.municipalities())
    if (!byId.has(m.id)) byId.set(m.id, { data: dataOf(m), revision: 0, savedAt: '', savedBy: MUNICIPALITY_SEEDER });
  return byId;
}

function adminView(m: StoredMunicipality): AdminMunicipality {
  const { id, name, forms, routing, contact, walkIn } = m.data;
  return {
    id,
    name,
    revision: m.revision,
    forms,
    routing,
    contact,
    walkIn: walkIn ?? null,
    ...(m.revision > 0 ? { savedAt: m.savedAt, savedBy: m.savedBy } : {}),
  };
}

/** The published forms, Finnish titles: what a municipality may offer. */
function publishedForms(deps: MunicipalityAdminDeps): { id: string; title: string }[] {
  return deps.registry.catalog.forms().map((f) => ({ id: f.id, title: staffFormTitle(f) }));
}

/** Every municipality's settings as stored now, and the forms one may offer. */
export async function listMunicipalities(deps: MunicipalityAdminDeps): Promise<AdminMunicipalitiesResponse> {
  const byId = await stored(deps);
  return {
    municipalities: deps.registry.catalog.municipalities().flatMap((m) => {
      const found = byId.get(m.id);
      return found ? [adminView(found)] : [];
    }),
    forms: publishedForms(deps),
  };
}

/** Which settings a save changed, by field name (`forms`, `routing.guidance`, `contact.phone`, `walkIn`). */
function changedFields(before: MunicipalityData, after: MunicipalityData): string[] {
  const differs = (a: unknown, b: unknown) => canonicalJson(a ?? null) !== canonicalJson(b ?? null);
  const fields: string[] = [];
  if (differs(before.forms, after.forms)) fields.push('forms');
  for (const key of [...new Set([...Object.keys(before.routing), ...Object.keys(after.routing)])].sort())
    if (differs(before.routing[key], after.routing[key])) fields.push(`routing.${key}`);
  for (const key of ['email', 'phone', 'address'] as const)
    if (differs(before.contact[key], after.contact[key])) fields.push(`contact.${key}`);
  if (differs(before.walkIn, after.walkIn)) fields.push('walkIn');
  return fields;
}

/**
 * Saves a municipality's offered forms, routing, contact and walk-in as the next revision if it is still at
 * `revision`: 409 `stale_revision` when another admin saved in between (nothing overwritten), 400 when the result
 * fails the municipality file's checks (its JSON Schema and lint: only published forms, valid mailboxes, times)
 * or would leave its texts naming a walk-in it no longer has. Residents and notifications get it at once here and
 * within `FORM_REFRESH_MS` on every other instance.
 */
export async function saveMunicipality(
  deps: MunicipalityAdminDeps,
  id: string,
  body: SaveMunicipalityRequest,
  actor: string,
): Promise<SaveMunicipalityResponse> {
  const municipality = deps.registry.catalog.municipality(id);
  const all = await stored(deps);
  const current = all.get(id)!;
  if (body.revision !== current.revision)
    throw new StaleRevision(
      `Another admin saved ${municipality.name} in between (revision ${current.revision}). Reload it.`,
      current.revision,
    );
  const { revision, walkIn, ...settings } = body;
  const data: MunicipalityData = { ...current.data, ...settings, ...(walkIn ? { walkIn } : {}) };
  if (!walkIn) delete data.walkIn;

  const file = `${id}.json`;
  const shape = problemLines(file, municipalityShapeProblems(data));
  const problems = shape.length
    ? shape
    : lintMunicipality(data, {
        file,
        formIds: publishedForms(deps).map((f) => f.id),
        others: [...all.values()].filter((m) => m.data.id !== id).map((m) => m.data),
      });
  if (!walkIn && Object.values(municipality.texts).some((texts) => Object.values(texts ?? {}).some((t) => WALK_IN_PLACEHOLDER.test(t))))
    problems.push(`${file}: walkIn is needed: the municipality's texts name its day, hours and address`);
  if (problems.length)
    throw new InvalidRequest(`${municipality.name} cannot be saved: ${problems.map((p) => p.replace(`${file}: `, '')).join('; ')}.`);

  const now = deps.clock.now();
  const saved = await syncOf(deps).store.save({ data, revision: revision + 1, savedAt: now.toISOString(), savedBy: actor });
  if (!saved) {
    const latest = (await stored(deps)).get(id)!;
    throw new StaleRevision(
      `Another admin saved ${municipality.name} in between (revision ${latest.revision}). Reload it.`,
      latest.revision,
    );
  }
  const fields = changedFields(current.data, data);
  await deps.audit.record({
    reference: `municipality:${id}`,
    at: now.toISOString(),
    actor,
    action: 'save',
    detail: `revision ${revision + 1}: ${fields.length ? fields.join(', ') : 'no changes'}`,
    expiresAt: epochAfterDays(now, MUNICIPALITY_AUDIT_DAYS),
  });
  await deps.registry.sync.refresh(now);
  return { revision: revision + 1 };
}
