import type { JSONSchemaType } from 'ajv';
import type { LocalizedForm } from './localize.js';

// The resident API's requests and answers (docs/http-contract.md), written once: the server's routes answer with
// these types and check request bodies against these schemas; the web's client reads the same types.

export interface MunicipalityRef {
  id: string;
  name: string;
}

/** `GET /api/municipalities`. */
export interface MunicipalitiesResponse {
  municipalities: MunicipalityRef[];
}

/** A form a municipality offers, titled in the requested language. */
export interface FormSummary {
  id: string;
  version: number;
  title: string;
  description: string;
  /** Present and true on the town's feedback form (`meta.feedback`). */
  feedback?: true;
}

/** What the services page shows about a municipality, texts in the requested language. */
export interface MunicipalityInfo extends MunicipalityRef {
  contact: { email: string; phone: string; address: string };
  privacyNoticeUrl: string;
  texts: Record<string, string>;
}

/** `GET /api/forms?municipality=&lang=`. */
export interface ServicesResponse {
  forms: FormSummary[];
  municipality: MunicipalityInfo;
}

/** `GET /api/forms/F?municipality=&lang=`. */
export type FormResponse = LocalizedForm;

/** `POST /api/forms/F/submissions`. */
export interface SubmissionBody {
  municipality: string;
  lang: string;
  formVersion: number;
  answers: Record<string, unknown>;
  /** The token of a personal feedback link (`?invite=`): used up by this submission. */
  invite?: string;
  /** The page's honeypot field (`extra_note`, hidden from people): anything in it holds the submission as suspected spam. */
  extra?: string;
  /** From `GET /api/forms/F/start` when the form was first shown: answers back sooner than a person fills a form are held. */
  startToken?: string;
}

/** `GET /api/feedback-invites/T?municipality=`: what a personal feedback link is about. */
export interface InviteResponse {
  municipality: string;
  /** The feedback form's `service` answer, fixed for this link. */
  service: string;
}

/** `GET /api/forms/F/start`: an opaque, server-signed note of when the form was first shown. */
export interface StartResponse {
  startToken: string;
}

/** How a resident hears back after sending. */
export type ConfirmationChannel = 'email' | 'sms';

/** 201 to a submission. */
export interface Receipt {
  reference: string;
  submittedAt: string;
  /** How the resident will hear back; empty when no message follows (the page then says keep the reference). */
  confirmationBy: ConfirmationChannel[];
}

/** The shape of a submission's body; what the answers must be is the form's own schema. */
export const SUBMISSION_BODY: JSONSchemaType<SubmissionBody> = {
  type: 'object',
  required: ['municipality', 'lang', 'formVersion', 'answers'],
  properties: {
    municipality: { type: 'string', minLength: 1, maxLength: 64 },
    lang: { type: 'string', minLength: 1, maxLength: 16 },
    formVersion: { type: 'integer', minimum: 1 },
    answers: { type: 'object', required: [] },
    invite: { type: 'string', minLength: 1, maxLength: 64, nullable: true },
    extra: { type: 'string', maxLength: 1000, nullable: true },
    startToken: { type: 'string', maxLength: 64, nullable: true },
  },
};

/** `POST /api/auth/login`. */
export interface SignInRequest {
  email: string;
  /** Where to land after signing in: a staff path, else the inbox. */
  next?: string;
}

export const SIGN_IN_REQUEST: JSONSchemaType<SignInRequest> = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', maxLength: 254 },
    next: { type: 'string', maxLength: 2048, nullable: true },
  },
};

/** `POST /api/auth/session`, as JSON or as the verify page's form post: the mailed token, and where to land. */
export interface SessionRequest {
  token: string;
  next?: string;
}

/** A token outside these lengths was never mailed (they are 43 characters): refused without a store read. */
export const SESSION_REQUEST: JSONSchemaType<SessionRequest> = {
  type: 'object',
  required: ['token'],
  properties: {
    token: { type: 'string', minLength: 20, maxLength: 100 },
    next: { type: 'string', maxLength: 2048, nullable: true },
  },
};
