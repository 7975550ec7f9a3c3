import type { JSONSchemaType } from 'ajv';
import { DEFINITION_LIMITS } from './definition-shape.js';
import type { FormProblem } from './problems.js';
import type { FormDefinition } from './types.js';

/**
 * The admin API's bodies (`/api/admin/forms/*`, docs/http-contract.md): forms as versioned data, each with one draft
 * an admin edits and immutable published versions.
 */

/**
 * Form ids: lowercase letters, digits and hyphens, starting with a letter: `formId` in `schemas/definition.schema.json`
 * (written here too so that the web bundle need not carry the JSON Schema; `definition-format.test.ts` compares them).
 */
export const FORM_ID_PATTERN = '^[a-z][a-z0-9-]{0,39}$';

/** The largest definition a draft may hold (its JSON, the lint's limit); registration, ten languages, is under half. */
export const MAX_DEFINITION_BYTES = DEFINITION_LIMITS.bytes;

/** `POST /api/admin/forms`. */
export interface CreateFormRequest {
  id: string;
}

export const CREATE_FORM_REQUEST: JSONSchemaType<CreateFormRequest> = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: FORM_ID_PATTERN } },
};

/** `GET /api/admin/forms/F/draft`. */
export interface DraftResponse {
  definition: FormDefinition;
  /** How many times the draft has been saved; send it back with the next save. 0: never saved (the current version). */
  revision: number;
  problems: FormProblem[];
}

/** `PUT /api/admin/forms/F/draft`: the whole definition and the revision it was made from. */
export interface SaveDraftRequest {
  definition: Record<string, unknown>;
  revision: number;
}

export const SAVE_DRAFT_REQUEST: JSONSchemaType<SaveDraftRequest> = {
  type: 'object',
  required: ['definition', 'revision'],
  additionalProperties: false,
  properties: {
    definition: { type: 'object', required: [] },
    revision: { type: 'integer', minimum: 0 },
  },
};

export interface SaveDraftResponse {
  revision: number;
  problems: FormProblem[];
}

/** The longest change note of a publish or rollback: a sentence or two for the history. */
export const MAX_CHANGE_NOTE_LENGTH = 500;

/** `POST /api/admin/forms/F/publish`: a change note; with `revision`, only that revision of the draft is published. */
export interface PublishRequest {
  note: string;
  revision?: number;
}

export const PUBLISH_REQUEST: JSONSchemaType<PublishRequest> = {
  type: 'object',
  required: ['note'],
  additionalProperties: false,
  properties: {
    note: { type: 'string', minLength: 1, maxLength: MAX_CHANGE_NOTE_LENGTH },
    revision: { type: 'integer', minimum: 0, nullable: true },
  },
};

/** `POST /api/admin/forms/F/rollback`: the version to bring back, as a new version. */
export interface RollbackRequest {
  version: number;
  note?: string;
}

export const ROLLBACK_REQUEST: JSONSchemaType<RollbackRequest> = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1 },
    note: { type: 'string', minLength: 1, maxLength: MAX_CHANGE_NOTE_LENGTH, nullable: true },
  },
};

/** `POST /api/admin/forms/F/publish` and `/rollback`: the version now current. */
export interface PublishResponse {
  version: number;
}

/** One published version: when, by whom, and the admin's note. */
export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
}

/** `GET /api/admin/forms/F/versions`, oldest first. */
export interface VersionsResponse {
  current: number | null;
  versions: VersionSummary[];
}
