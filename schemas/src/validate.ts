import type { ValidateFunction } from 'ajv';
import { describeErrors, type AnswerError, type FieldLookup } from './messages.js';

/** Validates answers with a compiled form schema; errors come back in the language of `messages`. */
export function validateAnswers(
  validate: ValidateFunction,
  answers: unknown,
  messages: Record<string, string>,
  lookup: FieldLookup,
  lang?: string,
): AnswerError[] {
  if (validate(answers)) return [];
  return describeErrors(validate.errors ?? [], messages, lookup, lang);
}
