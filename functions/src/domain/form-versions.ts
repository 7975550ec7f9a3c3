import type { ValidateFunction } from 'ajv';
import { compileSchema, createAjv, type FormDefinition } from '../../../schemas/src/index.js';
import { validatorSource } from '../../../schemas/src/validator-source.js';
import { FormVersionRetired, UnknownForm } from './errors.js';
import type { FormCatalog } from './form-catalog.js';
import type { FormStore } from './ports.js';

/** Every published version of every form (immutable, in the store) and its validator, compiled once per version. */
export class FormVersions {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv();
  private readonly modules = new Map<string, string>();

  constructor(
    private readonly catalog: FormCatalog,
    private readonly store: FormStore,
  ) {}

  /**
   * The version a resident filled, if answers to it are still taken at `now`: the current one, or one replaced
   * less than `graceMs` ago (a resident who opened the form before a publish can still send). Later,
   * `FormVersionRetired` (409) tells the page to load the current version.
   */
  async acceptingVersion(municipalityId: string, formId: string, version: number, now: Date, graceMs: number): Promise<FormDefinition> {
    const form = await this.formVersion(municipalityId, formId, version);
    const current = this.catalog.currentForm(municipalityId, formId);
    if (form.version === current.version) return form;
    const versions = (await this.store.head(formId))?.versions ?? [];
    const replaced = versions.find((v) => v.version > version)?.publishedAt;
    if (replaced !== undefined && now.getTime() - Date.parse(replaced) > graceMs)
      throw new FormVersionRetired(
        `Version ${version} of form "${formId}" was replaced on ${replaced.slice(0, 10)}; load version ${current.version}.`,
        current.version,
      );
    return form;
  }

  /** A published version of a form a municipality offers. */
  async formVersion(municipalityId: string, formId: string, version: number): Promise<FormDefinition> {
    const current = this.catalog.currentForm(municipalityId, formId);
    if (current.version === version) return current;
    const stored = await this.store.getVersion(formId, version);
    if (!stored) throw new UnknownForm(`Form "${formId}" has no published version ${version}.`);
    return stored;
  }

  /**
   * A published version's validator as the ES module the resident page imports: the one stored with the version,
   * or, for a version stored before validators were, generated from its schema (the same code either way).
   */
  async validatorModule(formId: string, version: number): Promise<string> {
    const key = `${formId}@${version}`;
    let source = this.modules.get(key);
    if (source) return source;
    const form = await this.store.getVersion(formId, version);
    if (!form) throw new UnknownForm(`Form "${formId}" has no published version ${version}.`);
    source = (await this.store.getValidator(formId, version)) ?? validatorSource(form.schema, formId);
    this.modules.set(key, source);
    return source;
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
