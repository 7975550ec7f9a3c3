import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';
import type { ValidateFunction } from 'ajv';
import {
  matchesCondition,
  validateAnswers,
  withoutHidden,
  type AnswerError,
  type FieldLookup,
  type JsonSchema,
  type LocalizedForm,
  type UiSchema,
} from '../../../schemas/src/index.js';
import { topFieldOf, withoutEmpty, type Answers } from './steps.js';

export interface KitValidatorOptions {
  form: Pick<LocalizedForm, 'schema' | 'uiSchema'>;
  /** The whole form's validator: precompiled in the browser, `createAjv().compile(schema)` in Node. */
  validate: ValidateFunction;
  /** The `errors.<keyword>` templates of the resident's language. */
  messages: Record<string, string>;
  /** All answers so far: a step is validated as part of the whole form, as the server will validate it. */
  answers: () => Answers;
}

/** Labels and per-field error texts from the localized form, for the kit's `describeErrors`. */
export function fieldLookup(form: Pick<LocalizedForm, 'schema' | 'uiSchema'>): FieldLookup {
  return (id) => {
    const schema = form.schema.properties?.[id];
    if (!schema) return undefined;
    const errors = (form.uiSchema[id] as UiSchema | undefined)?.['ui:errorMessages'] as Record<string, string> | undefined;
    return { label: schema.title ?? id, ...(errors ? { errors } : {}) };
  };
}

/** Validates a form's answers exactly as the server does: hidden and empty answers left out, kit messages. */
export function validateForm(options: Omit<KitValidatorOptions, 'answers'>, answers: Answers): AnswerError[] {
  const sent = withoutHidden(options.form.schema, withoutEmpty(answers));
  return validateAnswers(options.validate, sent, options.messages, fieldLookup(options.form));
}

function toRjsfError(error: AnswerError): RJSFValidationError {
  const field = topFieldOf(error.path);
  return { name: error.keyword, property: `.${field}`, message: error.message, stack: error.message, params: {} };
}

/** rjsf's error tree for contract errors: each message on its top-level field. */
export function errorSchemaOf(errors: readonly AnswerError[]): ErrorSchema {
  const tree: Record<string, { __errors: string[] }> = {};
  for (const error of errors) {
    const field = topFieldOf(error.path);
    if (field) (tree[field] ??= { __errors: [] }).__errors.push(error.message);
  }
  return tree as ErrorSchema;
}

/**
 * An rjsf `ValidatorType` backed by the form kit, so the browser shows the server's messages word for word.
 * rjsf hands it one step's schema; the answers are validated whole and the errors of that step's fields kept.
 * rjsf's `isValid` is asked about `if` conditions, which the lint restricts to what the kit's `matchesCondition`
 * decides, so nothing is compiled in the browser.
 */
export function createKitValidator(options: KitValidatorOptions): ValidatorType<Answers, RJSFSchema> {
  const validateStep = (formData: Answers | undefined, schema: RJSFSchema): ValidationData<Answers> => {
    const fields = new Set(Object.keys(schema.properties ?? {}));
    const errors = validateForm(options, { ...options.answers(), ...formData }).filter(
      (e) => schema === options.form.schema || fields.has(topFieldOf(e.path)),
    );
    return { errors: errors.map(toRjsfError), errorSchema: errorSchemaOf(errors) };
  };
  return {
    validateFormData: (formData, schema) => validateStep(formData, schema),
    isValid: (schema, formData) =>
      schema === options.form.schema
        ? validateForm(options, (formData ?? {}) as Answers).length === 0
        : matchesCondition(schema as JsonSchema, (formData ?? {}) as Answers),
    rawValidation: (_schema, formData) => {
      const valid = options.validate(formData);
      return valid ? {} : { errors: [...(options.validate.errors ?? [])] as never[] };
    },
  };
}
