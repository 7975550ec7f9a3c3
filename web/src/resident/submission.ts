import type { AnswerError, LocalizedForm } from '../../../schemas/src/index.js';
import type { SubmissionBody } from '../api.js';
import type { PendingSend } from './draft.js';
import { answersToSend } from './rjsf-validator.js';
import { topFieldOf, type Answers } from './steps.js';

/** The request body for the answers: hidden questions and empty answers left out, digits made ASCII. */
export function submissionBody(form: LocalizedForm, municipality: string, answers: Answers, invite?: string): SubmissionBody {
  const body = { municipality, lang: form.lang, formVersion: form.version, answers: answersToSend(form, answers) };
  return invite ? { ...body, invite } : body;
}

/**
 * The Idempotency-Key for sending `body`: the pending one when it was for the same body (a retry must not
 * create a second submission), otherwise a new one (the answers changed, so it is a new attempt).
 */
export function sendAttempt(pending: PendingSend | undefined, body: SubmissionBody, newKey: () => string): PendingSend {
  const serialized = JSON.stringify(body);
  return pending?.body === serialized ? pending : { key: newKey(), body: serialized };
}

/** A random UUID v4, also on browsers without `crypto.randomUUID` (older phones, plain http). */
export function newIdempotencyKey(
  crypto: { getRandomValues(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>; randomUUID?: () => string } = globalThis.crypto,
): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Error messages grouped by the top-level field they belong to; errors of no field go under `''`. */
export function messagesByField(errors: readonly AnswerError[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const error of errors) {
    const field = topFieldOf(error.path);
    out.set(field, [...(out.get(field) ?? []), error.message]);
  }
  return out;
}
