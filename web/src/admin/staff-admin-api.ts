import type {
  AdminMunicipalitiesResponse,
  PutStaffRequest,
  SaveMunicipalityRequest,
  SaveMunicipalityResponse,
  StaffEntry,
  StaffListResponse,
} from '../../../schemas/src/admin-staff-contract.js';
import type { MunicipalityRef } from '../../../schemas/src/public-contract.js';
import type { CorrectAnswerRequest, CorrectAnswerResponse, SubjectAccessExport } from '../../../schemas/src/residents-rights-contract.js';
import type { HeldSubmissions } from '../../../schemas/src/spam-contract.js';
import { StaffApiError, StaffNetworkError } from '../staff/staff-api.js';

// The wire types are the kit's (schemas/src/admin-staff-contract.ts), the ones the server answers with.
export type {
  AdminMunicipalitiesResponse,
  AdminMunicipality,
  PutStaffRequest,
  SaveMunicipalityRequest,
  StaffEntry,
} from '../../../schemas/src/admin-staff-contract.js';
export type { RightsField, SubjectAccessExport } from '../../../schemas/src/residents-rights-contract.js';

/** An answer other than 2xx, with the fields of its body the admin pages act on (`revision` of a 409). */
export class AdminApiError extends StaffApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly revision?: number,
  ) {
    super(status, code, message);
  }
}

/** True for an answer with this error code (`last_admin`, `stale_revision`, …). */
export const hasCode = (error: unknown, code: string) => error instanceof StaffApiError && error.code === code;

/**
 * A request of the admin pages: like the staff pages' (`staff-api.ts`, whose error classes these are), but keeping
 * every 409's own code, since `last_admin` and `stale_revision` ask for different things.
 */
async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    // The browser adds the same-origin `Origin` header, which the server requires for every change.
    response = await fetch(url, {
      method,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new StaffNetworkError((e as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = typeof json['error'] === 'string' ? json['error'] : 'http_error';
    const message = typeof json['message'] === 'string' ? json['message'] : response.statusText;
    throw new AdminApiError(response.status, code, message, typeof json['revision'] === 'number' ? json['revision'] : undefined);
  }
  return json as T;
}

const staffPath = (email: string) => `/api/admin/staff/${encodeURIComponent(email)}`;

export const fetchStaff = () => call<StaffListResponse>('GET', '/api/admin/staff');
export const putStaff = (email: string, person: PutStaffRequest) => call<StaffEntry>('PUT', staffPath(email), person);
export const removeStaff = (email: string) => call<void>('DELETE', staffPath(email));

/** Every municipality's id and name (the public list), for choosing a person's municipalities. */
export const fetchMunicipalityNames = () => call<{ municipalities: MunicipalityRef[] }>('GET', '/api/municipalities');

/** Submissions held as suspected spam, and releasing one into the inbox (it is then notified as usual). */
export const fetchHeld = () => call<HeldSubmissions>('GET', '/api/admin/spam');
export const releaseHeld = (reference: string) => call<void>('POST', `/api/admin/spam/${encodeURIComponent(reference)}/release`);

export const fetchAdminMunicipalities = () => call<AdminMunicipalitiesResponse>('GET', '/api/admin/municipalities');
export const saveMunicipality = (id: string, settings: SaveMunicipalityRequest) =>
  call<SaveMunicipalityResponse>('PUT', `/api/admin/municipalities/${encodeURIComponent(id)}`, settings);

// Residents' rights by reference (schemas/src/residents-rights-contract.ts).
const rightsPath = (reference: string) => `/api/admin/submissions/${encodeURIComponent(reference)}`;

export const fetchSubjectAccess = (reference: string) => call<SubjectAccessExport>('GET', rightsPath(reference));
export const correctAnswer = (reference: string, correction: CorrectAnswerRequest) =>
  call<CorrectAnswerResponse>('PATCH', `${rightsPath(reference)}/answers`, correction);
export const eraseSubmission = (reference: string) => call<void>('DELETE', rightsPath(reference));
