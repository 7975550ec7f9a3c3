import {
  canonicalJson,
  type AdminForm,
  type DraftResponse,
  type FormDefinition,
  type Lang,
  type SaveDraftResponse,
  type VersionsResponse,
} from '../../../../schemas/src/index.js';
import { settleReviews } from '../../../../schemas/src/review-stamps.js';
import { epoch } from '../epoch.js';
import { Conflict, FormExists, InvalidRequest, LintFailed, NoChanges, NotFound, StaleRevision } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, FormAuditEntry, FormDraft, FormHead } from '../ports.js';
import { checkDefinition, lintDefinition } from './form-lint.js';
import { newFormTemplate } from './form-template.js';

export interface FormAdminDeps {
  registry: FormRegistry;
  audit: AuditLog;
  clock: Clock;
}

/** How long an admin's change to a form stays in the audit log (the head keeps who published what for good). */
const FORM_AUDIT_DAYS = 10 * 365;
/** How many unlisted version numbers a publish steps over before it gives up (each is a publish that crashed). */
const MAX_UNLISTED = 20;

/** Equal definitions apart from their version number: publishing one over the other changes nothing for residents. */
export function sameContent(a: FormDefinition, b: FormDefinition): boolean {
  return canonicalJson({ ...a, version: 0 }) === canonicalJson({ ...b, version: 0 });
}

async function requireHead(deps: FormAdminDeps, formId: string): Promise<FormHead> {
  const head = await deps.registry.store.head(formId);
  if (!head) throw new NotFound(`No form "${formId}".`);
  return head;
}

export async function currentVersion(deps: FormAdminDeps, head: FormHead): Promise<FormDefinition | undefined> {
  return head.current === undefined ? undefined : deps.registry.store.getVersion(head.formId, head.current);
}

/** The draft as stored, or, never saved, the current version (revision 0): what an admin starts editing from. */
async function draftOf(deps: FormAdminDeps, head: FormHead, current?: FormDefinition): Promise<Pick<FormDraft, 'definition' | 'revision'>> {
  const draft = await deps.registry.store.getDraft(head.formId);
  if (draft) return draft;
  const base = current ?? (await currentVersion(deps, head));
  return { definition: base ?? newFormTemplate(head.formId), revision: 0 };
}

/** Records an admin's change to a form under `form:<id>`. */
export async function auditFormChange(
  deps: FormAdminDeps,
  formId: string,
  actor: string,
  action: FormAuditEntry['action'],
  detail: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.audit.record({
    reference: `form:${formId}`,
    at: now.toISOString(),
    actor,
    action,
    detail,
    expiresAt: epoch(now) + FORM_AUDIT_DAYS * 86_400,
  });
}

/** Every form with its current version, whether its draft has unpublished changes, its languages and who offers it. */
export async function listAdminForms(deps: FormAdminDeps): Promise<AdminForm[]> {
  const heads = await deps.registry.store.heads();
  return Promise.all(
    heads.map(async (head) => {
      const current = await currentVersion(deps, head);
      const draft = await draftOf(deps, head, current);
      const shown = current ?? draft.definition;
      const offered = current ? deps.registry.texts.offered(current) : [];
      return {
        id: head.formId,
        version: head.current ?? null,
        title: shown.texts.fi?.title ?? head.formId,
        languages: (Object.entries(shown.meta.languages) as [Lang, { reviewed: boolean }][]).map(([lang, meta]) => ({
          lang,
          reviewed: meta.reviewed,
          offered: offered.includes(lang),
        })),
        draftDiffers: !current || !sameContent(current, draft.definition),
        draftRevision: draft.revision,
        municipalities: deps.registry.catalog.offeredBy(head.formId),
      };
    }),
  );
}

/** A new form: its head and a draft from the template; `FormExists` (409) when the id is taken. */
export async function createForm(deps: FormAdminDeps, formId: string, actor: string): Promise<DraftResponse> {
  const at = deps.clock.now().toISOString();
  if (!(await deps.registry.store.createHead({ formId, createdAt: at, createdBy: actor, versions: [] })))
    throw new FormExists(`A form "${formId}" exists already.`);
  const definition = newFormTemplate(formId);
  await deps.registry.store.saveDraft(formId, { definition, revision: 1, savedAt: at, savedBy: actor });
  await auditFormChange(deps, formId, actor, 'create', 'draft revision 1');
  return { definition, revision: 1, problems: lintDefinition(definition) };
}

/** The draft with what the lint finds in it (against the current version, for continuity warnings). */
export async function readDraft(deps: FormAdminDeps, formId: string): Promise<DraftResponse> {
  const head = await requireHead(deps, formId);
  const current = await currentVersion(deps, head);
  const draft = await draftOf(deps, head, current);
  return { ...draft, problems: lintDefinition(draft.definition, current) };
}

/**
 * Saves the whole definition as the next revision if the draft is still at `revision`; `StaleRevision` (409) when
 * another admin saved in between, and nothing is overwritten. A draft may have problems: saving never blocks on them.
 * A language newly marked reviewed is stamped with the admin and the time (`settleReviews`).
 */
export async function saveDraft(
  deps: FormAdminDeps,
  formId: string,
  value: Record<string, unknown>,
  revision: number,
  actor: string,
): Promise<SaveDraftResponse> {
  const head = await requireHead(deps, formId);
  const at = deps.clock.now().toISOString();
  // Who marked a language reviewed, and when, is the server's to say; a reviewed language whose texts change is not.
  const before = await draftOf(deps, head);
  const definition = settleReviews(before.definition, asDefinition(formId, value), { by: actor, at });
  const saved = await deps.registry.store.saveDraft(formId, { definition, revision: revision + 1, savedAt: at, savedBy: actor });
  if (!saved) {
    const now = await deps.registry.store.getDraft(formId);
    throw new StaleRevision(
      `Another admin saved this form in between (revision ${now?.revision ?? 0}). Reload it before saving again.`,
      now?.revision ?? 0,
    );
  }
  await auditFormChange(deps, formId, actor, 'save', `draft revision ${revision + 1}`);
  return { revision: revision + 1, problems: lintDefinition(definition, await currentVersion(deps, head)) };
}

/** A body's definition, if it is one of this form: an object of the definition's parts (the route limits its size). */
function asDefinition(formId: string, value: Record<string, unknown>): FormDefinition {
  if (value['id'] !== formId) throw new InvalidRequest(`"definition.id" must be "${formId}", the form's id.`);
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const part of ['schema', 'uiSchema', 'meta', 'texts'])
    if (!isObject(value[part])) throw new InvalidRequest(`"definition.${part}" must be an object.`);
  return value as unknown as FormDefinition;
}

/** Publishes the draft as the next version; `LintFailed` (422) with nothing published when it has errors. */
export async function publishDraft(deps: FormAdminDeps, formId: string, note: string, actor: string, revision?: number): Promise<number> {
  const head = await requireHead(deps, formId);
  const current = await currentVersion(deps, head);
  const draft = await draftOf(deps, head, current);
  if (revision !== undefined && revision !== draft.revision)
    throw new StaleRevision(
      `The draft is at revision ${draft.revision}, not ${revision}: another admin saved it in between.`,
      draft.revision,
    );
  const version = await publishDefinition(deps, head, current, draft.definition, note, actor);
  await auditFormChange(deps, formId, actor, 'publish', `version ${version} from draft revision ${draft.revision}`);
  return version;
}

/** Publishes an earlier version's definition again, as a new version; the draft stays as it is. */
export async function rollBack(deps: FormAdminDeps, formId: string, to: number, actor: string, note?: string): Promise<number> {
  const head = await requireHead(deps, formId);
  const earlier = head.versions.some((v) => v.version === to) ? await deps.registry.store.getVersion(formId, to) : undefined;
  if (!earlier) throw new NotFound(`Form "${formId}" has no version ${to}.`);
  const version = await publishDefinition(
    deps,
    head,
    await currentVersion(deps, head),
    earlier,
    note ?? `Rolled back to version ${to}.`,
    actor,
  );
  await auditFormChange(deps, formId, actor, 'rollback', `version ${version} equal to version ${to}`);
  return version;
}

/**
 * The one way a version is published: lint (errors stop it), write the version under the next free number, then
 * make it current with one conditional write on the head. A crash in between leaves an unlisted version that the
 * next publish steps over; two admins publishing at once: one wins, the other gets 409.
 */
export async function publishDefinition(
  deps: FormAdminDeps,
  head: FormHead,
  current: FormDefinition | undefined,
  definition: FormDefinition,
  note: string,
  actor: string,
): Promise<number> {
  if (current && sameContent(current, definition)) throw new NoChanges(`Version ${current.version} is already this form.`);
  const { problems, validator } = checkDefinition(definition, current);
  if (validator === undefined) throw new LintFailed(problems);
  const last = head.versions.at(-1)?.version;
  let version = (last ?? 0) + 1;
  // A number taken without being listed is a publish that stopped halfway: step over it (a few at most).
  while ((await deps.registry.store.putVersion(head.formId, { ...definition, version }, validator)) === 'taken') {
    if (++version > (last ?? 0) + MAX_UNLISTED) throw new Error(`form ${head.formId}: versions after ${last} are all taken`);
  }
  const now = deps.clock.now();
  const committed = await deps.registry.store.commitVersion(
    head.formId,
    { version, publishedAt: now.toISOString(), publishedBy: actor, note: note.trim() },
    last,
  );
  if (!committed) {
    const latest = await deps.registry.store.head(head.formId);
    throw new Conflict('Another admin published this form in between. Reload it and publish again.', latest?.current ?? 0);
  }
  // This instance serves the new version at once; the others within FORM_REFRESH_MS.
  await deps.registry.sync.refresh(now);
  return version;
}

/** Every published version, oldest first, and which one is current. */
export async function listVersions(deps: FormAdminDeps, formId: string): Promise<VersionsResponse> {
  const head = await requireHead(deps, formId);
  return { current: head.current ?? null, versions: head.versions };
}

/** One published version's definition. */
export async function readVersion(deps: FormAdminDeps, formId: string, version: number): Promise<FormDefinition> {
  const head = await requireHead(deps, formId);
  const found = head.versions.some((v) => v.version === version) ? await deps.registry.store.getVersion(formId, version) : undefined;
  if (!found) throw new NotFound(`Form "${formId}" has no version ${version}.`);
  return found;
}
