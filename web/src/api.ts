import type { AnswerError, LocalizedForm } from '../../schemas/src/index.js';

export interface MunicipalityRef {
  id: string;
  name: string;
}

export interface FormSummary {
  id: string;
  version: number;
  title: string;
  description: string;
}

/** What the services page shows about a municipality, texts in the requested language. */
export interface MunicipalityInfo extends MunicipalityRef {
  contact: { email: string; phone: string; address: string };
  privacyNoticeUrl: string;
  texts: Record<string, string>;
}

export interface ServicesResponse {
  forms: FormSummary[];
  municipality?: MunicipalityInfo;
}

export interface SubmissionBody {
  municipality: string;
  lang: string;
  formVersion: number;
  answers: Record<string, unknown>;
}

export interface Receipt {
  reference: string;
  submittedAt: string;
  /** How the resident will hear back; empty when no message follows. */
  confirmationBy: ('email' | 'sms')[];
}

/** An answer of the API other than 2xx, with the contract's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
      typeof body['error'] === 'string' ? body['error'] : 'http_error',
      typeof body['message'] === 'string' ? body['message'] : response.statusText,
      Number.isFinite(retry) && retry >= 0 ? retry : undefined,
      Array.isArray(body['errors']) ? (body['errors'] as AnswerError[]) : [],
    );
  }
  return body as T;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The municipalities a resident can choose. */
export const fetchMunicipalities = () => request<{ municipalities: MunicipalityRef[] }>('/api/municipalities');

/** The forms a municipality offers in `lang`, with the municipality's contact details. */
export const fetchServices = (municipality: string, lang: string) =>
  request<ServicesResponse>(`/api/forms?${q({ municipality, lang })}`);

/** One form localized into `lang`. */
export const fetchForm = (formId: string, municipality: string, lang: string) =>
  request<LocalizedForm>(`/api/forms/${encodeURIComponent(formId)}?${q({ municipality, lang })}`);

/** Sends answers; the same `idempotencyKey` on a retry returns the same receipt and stores one submission. */
export const submitAnswers = (formId: string, body: SubmissionBody, idempotencyKey: string) =>
  request<Receipt>(`/api/forms/${encodeURIComponent(formId)}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
