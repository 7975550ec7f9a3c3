/**
 * Stand-in for rjsf's `shallowAllOfMerge` (`@rjsf/utils/lib/schema/shallowAllOfMerge.js`), which builds a general
 * JSON Schema intersection from @x0k/json-schema-merge (about 4 KiB gzip on every form page) to fold an `allOf` into
 * its parent once rjsf has resolved the `if`/`then` rules inside it.
 *
 * Why it is safe: the lint (`schemas/src/supported.ts`, `lint.ts`) allows `allOf` only at the top of a form, made of
 * `if`/`then` rules whose `then` holds nothing but `required` (a list of names) and `properties` of `true`; the top has
 * `additionalProperties: false` and no `patternProperties`. After rjsf resolves the rules, each member is `{}` (a rule
 * that does not hold) or such a `then`. For exactly those shapes this merge gives what the library gives, key order
 * included (`test/unit/web-slim-rjsf.test.ts` compares both on the five forms' schemas in every combination of their
 * rules). Anything else throws, which rjsf's `retrieveSchema` catches: it warns and drops the `allOf`. The resident
 * page meets neither case: `StepForm` hands rjsf one step's questions without the rules (`stepSchema`).
 */

type Schema = Record<string, unknown>;
type Definition = Schema | boolean;

/** `{}` and `true` allow anything: merging them changes nothing. */
const allowsAny = (s: unknown) => s === true || (typeof s === 'object' && s !== null && Object.keys(s).length === 0);

/** The library's union of two lists: the longer one first, then what the shorter adds; an empty side gives the other. */
function union(a: unknown[], b: unknown[]): unknown[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const [larger, smaller] = a.length < b.length ? [b, a] : [a, b];
  return [...new Set([...larger, ...smaller])];
}

function unsupported(what: string): never {
  throw new Error(`allOf merge: ${what} is not supported on the form page (schemas/src/supported.ts)`);
}

/** A parent (the form's top, or what is merged so far) and one resolved rule. */
function merge(left: Definition, right: Definition): Definition {
  if (left === false || right === false) return false;
  if (allowsAny(left)) return allowsAny(right) ? true : right;
  if (allowsAny(right)) return left;
  const l = left as Schema;
  const r = right as Schema;
  const shown = r['properties'] as Schema | undefined;
  if (shown !== undefined && (typeof shown !== 'object' || shown === null || Object.values(shown).some((s) => s !== true))) {
    unsupported('a rule showing a question with anything but true');
  }
  // The library folds `properties` with the parent's only when the parent says something about its properties.
  const fold = l['properties'] !== undefined || l['patternProperties'] !== undefined || l['additionalProperties'] !== undefined;
  const target: Schema = { ...l };
  for (const key of Reflect.ownKeys(r)) {
    const value = r[key as string];
    if (value === undefined) continue;
    if (key === 'required') {
      if (!Array.isArray(value)) unsupported('a required that is no list');
      target['required'] = Array.isArray(l['required']) ? union(l['required'], value) : value;
    } else if (key === 'properties') {
      if (!fold) target['properties'] = value;
    } else {
      unsupported(`"${String(key)}" in a rule's then`);
    }
  }
  if (shown === undefined || !fold) return target;
  if (l['patternProperties'] !== undefined) unsupported('patternProperties');
  const additional = l['additionalProperties'];
  const properties: Schema = { ...((l['properties'] ?? {}) as Schema) };
  if (additional === undefined || allowsAny(additional)) {
    // Both sides open: one record of both; a question's schema and `true` make its schema (`{}` and `true` make `true`).
    for (const name of Object.keys(shown)) if (properties[name] === undefined || allowsAny(properties[name])) properties[name] = true;
    delete target['additionalProperties'];
  } else if (additional !== false) {
    unsupported('additionalProperties other than false');
  }
  // A closed parent (additionalProperties: false) keeps its own questions as they are and drops names it lacks.
  if (Object.keys(properties).length > 0) target['properties'] = properties;
  else delete target['properties'];
  return target;
}

/** The parent without its `allOf`, then the members in order (nested `allOf`s flattened in place), as the library lists them. */
function parts(schema: Definition): Definition[] {
  const out: Definition[] = [];
  const stack: Definition[] = [schema];
  while (stack.length) {
    const current = stack.pop()!;
    if (typeof current === 'boolean' || current['allOf'] === undefined) {
      out.push(current);
      continue;
    }
    const { allOf, ...rest } = current;
    out.push(rest);
    for (let i = (allOf as Definition[]).length - 1; i >= 0; i--) stack.push((allOf as Definition[])[i]!);
  }
  return out;
}

/** `schema` with its `allOf` folded in, or `false` when a member rejects everything. */
export default function shallowAllOfMerge(schema: Definition): Definition {
  const [first, ...rest] = parts(schema);
  let result = first!;
  for (const part of rest) {
    const merged = merge(result, part);
    if (merged === false) return false;
    if (!allowsAny(merged)) result = merged;
  }
  return result;
}
