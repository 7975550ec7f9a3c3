/**
 * Stand-in for rjsf's `$ref` lookup (`@rjsf/utils/lib/findSchemaDefinition.js`, with jsonpointer and fast-uri). rjsf
 * looks a definition up only for a schema with `$ref` (and makes references absolute only for a root declaring JSON
 * Schema 2020-12); the lint refuses `$ref` in a form (`schemas/src/supported.ts`) and `StepForm` builds its root
 * without `$schema`, so the page never does. Looking one up throws, as rjsf does for a `$ref` it cannot resolve.
 * `splitKeyElementFromObject`, which rjsf also uses for `dependencies`, is rjsf's own three lines.
 */
function noReferences(ref?: unknown): never {
  throw new Error(`Could not find a definition for ${String(ref)}: the form page resolves no $ref (web/vite/slim-rjsf.ts)`);
}

export const makeAllReferencesAbsolute = (): never => noReferences('the references of a JSON Schema 2020-12 root');
export const findSchemaDefinitionRecursive = (ref: string): never => noReferences(ref);
export default function findSchemaDefinition(ref: string): never {
  return noReferences(ref);
}

/** The object without `key`, and the value at `key` (rjsf's own function). */
export function splitKeyElementFromObject<T extends object>(key: string, object: T): [Omit<T, string>, unknown] {
  const { [key]: value, ...remaining } = object as Record<string, unknown>;
  return [remaining as Omit<T, string>, value];
}
