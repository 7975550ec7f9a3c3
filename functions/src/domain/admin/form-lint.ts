import { lintForm, type FormDefinition, type FormProblem } from '../../../../schemas/src/index.js';
import { validatorSource } from '../../../../schemas/src/validator-source.js';

/**
 * What is wrong with a definition an admin sent or a file brought in, against the current version (for continuity
 * warnings), and, when nothing blocks it, the validator module its publish would store. A schema the lint accepts
 * can still need an ajv helper the page does not carry: that is an error here, so a draft shows it before a publish
 * refuses it. The lint reads any parsed JSON; should it still throw on something unforeseen, that is reported as a
 * problem of the definition, never a 500.
 */
export function checkDefinition(definition: FormDefinition, current?: FormDefinition): { problems: FormProblem[]; validator?: string } {
  let problems: FormProblem[];
  try {
    problems = lintForm(definition, current ? { current } : {});
  } catch (error) {
    return {
      problems: [
        { path: '', severity: 'error', code: 'definition_shape', message: `The definition cannot be read: ${(error as Error).message}` },
      ],
    };
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  try {
    return { problems, validator: validatorSource(definition.schema, definition.id) };
  } catch (error) {
    return {
      problems: [...problems, { path: '/schema', severity: 'error', code: 'validator_runtime', message: (error as Error).message }],
    };
  }
}

/** The problems of `checkDefinition`, for a draft or a folder being checked. */
export function lintDefinition(definition: FormDefinition, current?: FormDefinition): FormProblem[] {
  return checkDefinition(definition, current).problems;
}
