import type { ErrorObject, ValidateFunction } from 'ajv';
import { conditionalRules, hiddenFields, type JsonSchema } from '../../../../schemas/src/index.js';

/**
 * A stand-in validator for a form published after this build: it reports missing required answers as ajv
 * `required` errors (so the kit words them as usual) and leaves every other rule to the server.
 */
export function requiredOnly(schema: JsonSchema): ValidateFunction {
  const conditional = conditionalRules(schema).flatMap((rule) => rule.fields);
  const validate = ((data: unknown) => {
    const answers = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const hidden = hiddenFields(schema, answers);
    const required = [...(schema.required ?? []), ...conditional.filter((f) => !hidden.has(f))];
    const errors: ErrorObject[] = required
      .filter((field) => answers[field] === undefined)
      .map((field) => ({ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: field } }));
    validate.errors = errors.length ? errors : null;
    return errors.length === 0;
  }) as ValidateFunction;
  return validate;
}
