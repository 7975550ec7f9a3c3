import type { ValidateFunction } from 'ajv';
import { validators } from 'virtual:koto-validators';
import type { LocalizedForm } from '../../../../schemas/src/index.js';
import { requiredOnly } from './required-only.js';
import { schemaFingerprint } from './fingerprint.js';

/** A module built from a form definition: its ajv standalone validator and what it was built from. */
export interface PrecompiledValidator {
  version: number;
  fingerprint: string;
  default: ValidateFunction;
}

/** Starts downloading a form's precompiled validator (call early, in parallel with fetching the form). */
export function prefetchValidator(formId: string): Promise<PrecompiledValidator | undefined> {
  const load = Object.prototype.hasOwnProperty.call(validators, formId) ? validators[formId] : undefined;
  return load ? load().catch(() => undefined) : Promise.resolve(undefined);
}

/**
 * The validator for the form the server sent: the precompiled one when it was built from the same rules, else
 * a check of required answers only (the server still checks everything and its errors land on the fields).
 */
export async function validatorFor(form: LocalizedForm, prefetched = prefetchValidator(form.id)): Promise<ValidateFunction> {
  const built = await prefetched;
  if (built && built.version === form.version && built.fingerprint === schemaFingerprint(form.schema)) return built.default;
  return requiredOnly(form.schema);
}
