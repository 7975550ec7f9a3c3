import type { FormProblem } from '../../../schemas/src/problems.js';

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The question a problem's path (a JSON Pointer into the definition) concerns: its schema, its uiSchema, or its
 * texts in some language. Problems of the form as a whole (its title, its steps, its size) concern none.
 */
export function questionOfProblem(path: string): string | undefined {
  const parts = path.split('/').slice(1).map(unescape);
  if (parts[0] === 'schema' && parts[1] === 'properties') return parts[2];
  if (parts[0] === 'uiSchema' && parts[1] && !parts[1].startsWith('ui:')) return parts[1];
  if (parts[0] === 'texts' && parts[2] === 'fields') return parts[3];
  if (parts[0] === 'meta' && parts[1] === 'emailSafeFields') return undefined;
  return undefined;
}

/** The problems that concern one question. */
export const problemsOfQuestion = (problems: readonly FormProblem[], id: string) =>
  problems.filter((p) => questionOfProblem(p.path) === id);

/** Errors block a publish; warnings do not. */
export const errorsOf = (problems: readonly FormProblem[]) => problems.filter((p) => p.severity === 'error');
