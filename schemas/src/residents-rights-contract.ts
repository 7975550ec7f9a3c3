import type { JSONSchemaType } from 'ajv';
import type { AuditEntry, HistoryEntry, NotificationState } from './staff-contract.js';
import type { SubmissionStatus } from './statuses.js';

// Residents' rights under the GDPR, carried out by admins by reference (docs/residents-rights.md): the shapes of
// `/api/admin/submissions/:reference`, shared by the server and the admin page. Imported by path, never through
// `index.ts`, so resident pages do not load it.

/** One question of the form version a submission answered: its id, Finnish label and JSON Schema type. */
export interface RightsField {
  id: string;
  label: string;
  /** `string`, `boolean`, `array`, … (the property's `type`); absent when the schema names none. */
  type?: string;
}

/** `GET /api/admin/submissions/R`: everything stored about one submission (subject access); the read is audited. */
export interface SubjectAccessExport {
  reference: string;
  /** When the export was made (ISO time). */
  exportedAt: string;
  form: { id: string; version: number; title: string; fields: RightsField[] };
  municipality: string;
  lang: string;
  consentVersion: string;
  submittedAt: string;
  updatedAt?: string;
  status: SubmissionStatus;
  assignee: string | null;
  /** Optimistic-locking version: a correction names it (`expectedVersion`). */
  version: number;
  /** The answers as stored, by question id. */
  answers: Record<string, unknown>;
  history: HistoryEntry[];
  /** Who read, changed, exported or searched it, oldest first (this export included). */
  audit: AuditEntry[];
  notification: NotificationState;
  /** When it is deleted at the latest (retention, ISO time). */
  deleteAfter: string;
}

/** `PATCH /api/admin/submissions/R/answers`: one answer's new value (rectification), decided on `expectedVersion`. */
export interface CorrectAnswerRequest {
  field: string;
  value: unknown;
  expectedVersion: number;
}

export const CORRECT_ANSWER_REQUEST = {
  type: 'object',
  required: ['field', 'value', 'expectedVersion'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 80 },
    value: {},
    expectedVersion: { type: 'integer', minimum: 1 },
  },
} as unknown as JSONSchemaType<CorrectAnswerRequest>;

/** 200 to a correction: the submission's new version and history. */
export interface CorrectAnswerResponse {
  reference: string;
  version: number;
  history: HistoryEntry[];
}
