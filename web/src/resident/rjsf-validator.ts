import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';
import type { ValidateFunction } from 'ajv';
import {
  localizedFieldLookup,
  matchesCondition,
  normalizeAnswers,
  validateAnswers,
  withoutHidden,
  type AnswerError,
  type JsonSchema,
  type LocalizedForm,
} from '../../../schemas/src/index.js';
import { fieldPathOf, topFieldOf, withoutEmpty, type Answers } from './steps.js';

export interface KitValidatorOptions {
  form: Pick<LocalizedForm, 'schema' | 'uiSchema' | 'lang'>;
  /** The whole form's validator: precompiled in the browser, `createAjv().compile(schema)` in Node. */
  validate: ValidateFunction;
  /** The `errors.<keyword>` templates of the resident's language. */
  messages: Record<string, string>;
  /** All answers so far: a step is validated as part of the whole form, as the server will validate it. */
  answers: () => Answers;
}

/** The answers as they are sent: hidden and empty answers left out, digits from any keyboard made ASCII. */
export function answersToSend(form: Pick<LocalizedForm, 'schema'>, answers: Answers): Answers {
  return normalizeAnswers(form.schema, withoutHidden(form.schema, withoutEmpty(answers)));
}

/** Validates a form's answers exactly as the server does: what would be sent, with the kit's messages. */
export function validateForm(options: Omit<KitValidatorOptions, 'answers'>, answers: Answers): AnswerError[] {
  return validateAnswers(
    options.validate,
    answersToSend(options.form, answers),
    options.messages,
    localizedFieldLookup(options.form),
    options.form.lang,
  );
}

function toRjsfError(error: AnswerError): RJSFValidationError {
  const property = `.${fieldPathOf(error.path).split('/').join('.')}`;
  return { name: error.keyword, property, message: error.message, stack: error.message, params: {} };
}

type ErrorTree = { __errors?: string[] } & { [key: string]: ErrorTree | string[] | undefined };

/** rjsf's error tree for contract errors: each message on the question it names, inside repeating groups too. */
export function errorSchemaOf(errors: readonly AnswerError[]): ErrorSchema {
  const tree: ErrorTree = {};
  for (const error of errors) {
    const path = fieldPathOf(error.path);
    if (!path) continue;
    let node = tree;
    for (const segment of path.split('/')) node = (node[segment] ??= {}) as ErrorTree;
    (node.__errors ??= []).push(error.message);
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
