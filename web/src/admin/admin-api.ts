import type { DraftResponse, PublishResponse, SaveDraftResponse, VersionsResponse } from '../../../schemas/src/admin-contract.js';
import type { FormProblem } from '../../../schemas/src/problems.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { call, send, StaffApiError, type AdminFormsResponse } from '../staff/staff-api.js';

// The admin API's wire types are the kit's (schemas/src/admin-contract.ts), the ones the server answers with.
export type {
  DraftResponse,
  PublishResponse,
  SaveDraftResponse,
  VersionsResponse,
  VersionSummary,
} from '../../../schemas/src/admin-contract.js';
export type { AdminForm, AdminFormsResponse } from '../staff/staff-api.js';

const formPath = (id: string) => `/api/admin/forms/${encodeURIComponent(id)}`;

export const fetchForms = () => call<AdminFormsResponse>('/api/admin/forms');

export const createForm = (id: string) => send<DraftResponse>('POST', '/api/admin/forms', { id });

export const fetchDraft = (id: string) => call<DraftResponse>(`${formPath(id)}/draft`);

export const saveDraft = (id: string, definition: FormDefinition, revision: number) =>
  send<SaveDraftResponse>('PUT', `${formPath(id)}/draft`, { definition, revision });

export const publishDraft = (id: string, note: string, revision: number) =>
  send<PublishResponse>('POST', `${formPath(id)}/publish`, { note, revision });

export const fetchVersions = (id: string) => call<VersionsResponse>(`${formPath(id)}/versions`);

export const fetchVersion = (id: string, version: number) => call<FormDefinition>(`${formPath(id)}/versions/${version}`);

export const rollBack = (id: string, version: number, note?: string) =>
  send<PublishResponse>('POST', `${formPath(id)}/rollback`, note ? { version, note } : { version });

/** The problems a 422 `lint_failed` names, if the error is one. */
export function problemsOf(error: unknown): FormProblem[] | undefined {
  if (!(error instanceof StaffApiError) || error.code !== 'lint_failed') return undefined;
  const problems = error.body['problems'];
  return Array.isArray(problems) ? (problems as FormProblem[]) : undefined;
}
