import type { ValidateFunction } from 'ajv';
import { compileSchema, createAjv, type FormDefinition } from '../../../schemas/src/index.js';
import { UnknownForm } from './errors.js';
import type { FormCatalog } from './form-catalog.js';
import type { FormStore } from './ports.js';

/** Every published version of every form (immutable, in the store) and its validator, compiled once per version. */
export class FormVersions {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv();

  constructor(
    private readonly catalog: FormCatalog,
    private readonly store: FormStore,
  ) {}

  /** A published version of a form a municipality offers. */
  async formVersion(municipalityId: string, formId: string, version: number): Promise<FormDefinition> {
    const current = this.catalog.currentForm(municipalityId, formId);
    if (current.version === version) return current;
    const stored = await this.store.getVersion(formId, version);
    if (!stored) throw new UnknownForm(`Form "${formId}" has no published version ${version}.`);
    return stored;
  }

  /** The form version's validator, compiled once. */
  validator(form: FormDefinition): ValidateFunction {
    const key = `${form.id}@${form.version}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = compileSchema(form.schema, this.ajv);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
