import type { JsonSchema } from './types.js';

type Answers = Record<string, unknown>;

/** One `if` condition on a single field, the only form the lint allows. */
function matchesProperty(condition: JsonSchema, value: unknown): boolean {
  if ('const' in condition) return value === condition.const;
  if (condition.enum) return condition.enum.includes(value);
  if (condition.contains) return Array.isArray(value) && value.some((v) => matchesProperty(condition.contains!, v));
  return true;
}

/** Whether answers satisfy an `if` schema made of `properties` with `const`, `enum` or `contains`. */
export function matchesCondition(condition: JsonSchema, answers: Answers): boolean {
  for (const field of condition.required ?? []) if (answers[field] === undefined) return false;
  return Object.entries(condition.properties ?? {}).every(
    ([field, rule]) => answers[field] === undefined || matchesProperty(rule, answers[field]),
  );
}

/**
 * The `if`/`then` rules of a form schema: each makes `fields` (its `then.required`) required and visible only when
 * it holds, and `optional` (other names in its `then.properties`) visible but optional, such as "email me a receipt"
 * when the resident chose a phone call.
 */
export function conditionalRules(schema: JsonSchema): { when: JsonSchema; fields: string[]; optional: string[] }[] {
  return (schema.allOf ?? [])
    .filter((rule) => rule.if && rule.then)
    .map((rule) => {
      const fields = rule.then!.required ?? [];
      return { when: rule.if!, fields, optional: Object.keys(rule.then!.properties ?? {}).filter((f) => !fields.includes(f)) };
    });
}

/** Fields that only matter under a condition the answers do not meet: the browser hides them and drops them. */
export function hiddenFields(schema: JsonSchema, answers: Answers): Set<string> {
  const shown = new Set<string>();
  const conditional = new Set<string>();
  for (const rule of conditionalRules(schema)) {
    const fields = [...rule.fields, ...rule.optional];
    for (const field of fields) conditional.add(field);
    if (matchesCondition(rule.when, answers)) for (const field of fields) shown.add(field);
  }
  return new Set([...conditional].filter((f) => !shown.has(f)));
}

/** A copy of the answers without hidden fields, so no stale value of a hidden question is sent. */
export function withoutHidden(schema: JsonSchema, answers: Answers): Answers {
  const hidden = hiddenFields(schema, answers);
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !hidden.has(k)));
}
