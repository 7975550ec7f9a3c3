import { lintForm, type FormDefinition, type FormProblem } from '../../../../schemas/src/index.js';

/**
 * The lint of a definition an admin sent, as problems the workbench can place. A definition is untrusted input: one
 * the lint cannot even read is reported as a problem, never a 500.
 */
export function lintDefinition(definition: FormDefinition, _current?: FormDefinition): FormProblem[] {
  try {
    return lintForm(definition).map((message) => ({ path: '', severity: 'error' as const, code: 'lint', message }));
  } catch (error) {
    return [
      { path: '', severity: 'error', code: 'definition_shape', message: `The definition cannot be read: ${(error as Error).message}` },
    ];
  }
}
