import {
  isErrorCode,
  type AnswerError,
  type ErrorCode,
  type FormResponse,
  type InviteResponse,
  type MunicipalitiesResponse,
  type Receipt,
  type ServicesResponse,
  type SubmissionBody,
} from '../../schemas/src/index.js';

export type { FormSummary, MunicipalityInfo, MunicipalityRef, Receipt, ServicesResponse, SubmissionBody } from '../../schemas/src/index.js';

/** An answer of the API other than 2xx, with the contract's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The contract's error code; `http_error` for an answer without one (a proxy's error page). */
    readonly code: ErrorCode | 'http_error',
    message: string,
    /** Seconds to wait, from `Retry-After` on 429 and 503. */
    readonly retryAfter?: number,
    /** Field errors of a 400 `invalid_answers`, messages already in the resident's language. */
    readonly errors: AnswerError[] = [],
  ) {
    super(message);
  }
}

/** The request did not get an answer (offline, timeout, connection lost). */
export class NetworkError extends Error {}

const TIMEOUT_MS = 30_000;

async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const timeout = AbortSignal.timeout?.(TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: init.signal ?? timeout, headers: { accept: 'application/json', ...init.headers } });
  } catch (e) {
    throw new NetworkError((e as Error).message);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      isErrorCode(body['error']) ? body['error'] : 'http_error',
      typeof body['message'] === 'string' ? body['message'] : response.statusText,
      Number.isFinite(retry) && retry >= 0 ? retry : undefined,
      Array.isArray(body['errors']) ? (body['errors'] as AnswerError[]) : [],
    );
  }
  return body as T;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The municipalities a resident can choose. */
export const fetchMunicipalities = () => request<MunicipalitiesResponse>('/api/municipalities');

/** The forms a municipality offers in `lang`, with the municipality's contact details. */
export const fetchServices = (municipality: string, lang: string) => request<ServicesResponse>(`/api/forms?${q({ municipality, lang })}`);

/** One form localized into `lang`. */
export const fetchForm = (formId: string, municipality: string, lang: string) =>
  request<FormResponse>(`/api/forms/${encodeURIComponent(formId)}?${q({ municipality, lang })}`);

/** What a personal feedback link is about; 404 when it is used, expired or unknown. */
export const fetchInvite = (token: string, municipality: string) =>
  request<InviteResponse>(`/api/feedback-invites/${encodeURIComponent(token)}?${q({ municipality })}`);
/** A signed note of when the form was first shown, sent back with the answers (a bot answers sooner than a person). */
export const fetchStartToken = (formId: string) => request<{ startToken: string }>(`/api/forms/${encodeURIComponent(formId)}/start`);

/** Sends answers; the same `idempotencyKey` on a retry returns the same receipt and stores one submission. */
export const submitAnswers = (formId: string, body: SubmissionBody, idempotencyKey: string) =>
  request<Receipt>(`/api/forms/${encodeURIComponent(formId)}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
