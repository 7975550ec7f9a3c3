import { lintForm, type FormDefinition, type FormProblem } from '../../../../schemas/src/index.js';

/**
 * The lint of a definition an admin sent or a file brought in, against the current version (for continuity
 * warnings). The lint reads any parsed JSON; should it still throw on something unforeseen, that is reported as a
 * problem of the definition, never a 500.
 */
export function lintDefinition(definition: FormDefinition, current?: FormDefinition): FormProblem[] {
  try {
    return lintForm(definition, current ? { current } : {});
  } catch (error) {
    return [
      { path: '', severity: 'error', code: 'definition_shape', message: `The definition cannot be read: ${(error as Error).message}` },
    ];
  }
}
