/**
 * Stand-in for rjsf's choice among `anyOf`/`oneOf` options (`@rjsf/utils/lib/schema/getClosestMatchingOption.js` and
 * `getFirstMatchingOption.js`). rjsf asks it only about a schema with `anyOf` or `oneOf` (for defaults, to resolve
 * the schema, or from the fields that render such options, which the page leaves out); the lint refuses both in a
 * form (`schemas/src/supported.ts`), so the page never does. It throws if asked.
 */
function noOptions(): never {
  throw new Error('anyOf/oneOf options are left out of the form page (web/vite/slim-rjsf.ts, schemas/src/supported.ts)');
}

export default noOptions;
