import type { FormDefinition, FormProblem } from '../../../../schemas/src/index.js';
import { LintFailed, NoChanges } from '../errors.js';
import { createFromVersion } from '../form-sync.js';
import { auditFormChange, currentVersion, publishDefinition, sameContent, type FormAdminDeps } from './form-drafts.js';
import { lintDefinition } from './form-lint.js';

/** What importing one form did. */
export type ImportOutcome =
  | { formId: string; outcome: 'created' | 'published'; version: number }
  | { formId: string; outcome: 'unchanged'; version: number }
  | { formId: string; outcome: 'refused'; problems: FormProblem[] };

/**
 * Brings definitions from files into the store (`npm run forms -- import <dir>`), each through the lint: a form the
 * store lacks is created under the version number its file carries (so files exported from a store import back to
 * the same versions), a changed form is published as its next version, an equal one is left alone. A form with lint
 * errors is refused and the others still go in.
 */
export async function importForms(
  deps: FormAdminDeps,
  forms: readonly FormDefinition[],
  actor: string,
  note: string,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const form of forms) {
    const head = await deps.registry.store.head(form.id);
    const current = head ? await currentVersion(deps, head) : undefined;
    const problems = lintDefinition(form, current);
    if (problems.some((p) => p.severity === 'error')) {
      outcomes.push({ formId: form.id, outcome: 'refused', problems });
      continue;
    }
    if (!head) {
      await createFromVersion(deps.registry.store, form, { at: deps.clock.now().toISOString(), by: actor, note });
      outcomes.push({ formId: form.id, outcome: 'created', version: form.version });
    } else if (current && sameContent(current, form)) {
      outcomes.push({ formId: form.id, outcome: 'unchanged', version: current.version });
    } else {
      try {
        outcomes.push({ formId: form.id, outcome: 'published', version: await publishDefinition(deps, head, current, form, note, actor) });
      } catch (error) {
        if (error instanceof LintFailed) outcomes.push({ formId: form.id, outcome: 'refused', problems: error.problems });
        else if (error instanceof NoChanges) outcomes.push({ formId: form.id, outcome: 'unchanged', version: current!.version });
        else throw error;
      }
    }
  }
  for (const o of outcomes)
    if (o.outcome === 'created' || o.outcome === 'published')
      await auditFormChange(deps, o.formId, actor, 'publish', `version ${o.version} imported from files`);
  await deps.registry.sync.refresh(deps.clock.now());
  return outcomes;
}
