import { validateAnswers, type FormDefinition, type Lang } from '../../../schemas/src/index.js';
import { canonicalJson } from './canonical-json.js';
import { IdempotencyKeyReused, InvalidAnswers, StoreUnavailable } from './errors.js';
import type { FormRegistry } from './form-registry.js';
import type { Clock, Crypto, SubmissionStore } from './ports.js';
import { newReference } from './reference.js';
import type { IdempotencyRecord, Submission } from './submission.js';

export interface SubmitInput {
  formId: string;
  municipality: string;
  lang: unknown;
  formVersion: number;
  answers: Record<string, unknown>;
  idempotencyKey?: string;
}

export interface SubmitDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  clock: Clock;
  crypto: Crypto;
}

export interface Receipt {
  reference: string;
  submittedAt: string;
}

const DAY_SECONDS = 86_400;
/** An idempotency key is remembered this long; clients retry within minutes, not days. */
const IDEMPOTENCY_DAYS = 7;
const MAX_REFERENCE_ATTEMPTS = 5;

function invalidAnswers(registry: FormRegistry, form: FormDefinition, lang: Lang, answers: unknown): InvalidAnswers | undefined {
  const texts = form.texts[lang]!;
  const errors = validateAnswers(registry.validator(form), answers, registry.messages(lang), (id) => texts.fields[id], lang);
  if (errors.length === 0) return undefined;
  return new InvalidAnswers(errors.map((e) => e.message).join(' '), errors);
}

/**
 * Validates a resident's answers against the form version they filled and stores them with a new reference and
 * a pending staff notification, in one write. With an idempotency key, a retry of the same request gets the
 * same receipt and stores nothing new; the same key with another request is refused.
 */
export async function submitForm(deps: SubmitDeps, input: SubmitInput): Promise<Receipt> {
  const { registry, store, clock, crypto } = deps;
  const municipality = registry.municipality(input.municipality);
  const form = await registry.formVersion(municipality.id, input.formId, input.formVersion);
  const lang = registry.requireLanguage(form, input.lang);
  const invalid = invalidAnswers(registry, form, lang, input.answers);
  if (invalid) throw invalid;

  const now = clock.now();
  const requestHash = crypto.sha256(
    canonicalJson({ formId: form.id, municipality: municipality.id, lang, formVersion: form.version, answers: input.answers }),
  );
  const fresh = (): string => newReference(municipality.referencePrefix, (n) => crypto.randomBytes(n));
  let receipt: Receipt = { reference: fresh(), submittedAt: now.toISOString() };
  let keyHash: string | undefined;

  if (input.idempotencyKey !== undefined) {
    keyHash = crypto.sha256(`idempotency:${input.idempotencyKey}`);
    const record: IdempotencyRecord = {
      keyHash,
      requestHash,
      ...receipt,
      expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_DAYS * DAY_SECONDS,
    };
    const existing = await store.claimIdempotencyKey(record);
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new IdempotencyKeyReused('This Idempotency-Key was already used for a different request.');
      }
      receipt = { reference: existing.reference, submittedAt: existing.submittedAt };
      const stored = await store.getSubmission(receipt.reference, now);
      if (stored?.requestHash === requestHash) return receipt;
      // The earlier attempt claimed the key but did not store the submission: finish it now.
    }
  }

  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
    const submission: Submission = {
      reference: receipt.reference,
      formId: form.id,
      formVersion: form.version,
      municipality: municipality.id,
      lang,
      answers: input.answers,
      consentVersion: form.meta.consentVersion,
      submittedAt: receipt.submittedAt,
      status: 'new',
      version: 1,
      requestHash,
      notification: { state: 'pending', attempts: 0, dueAt: receipt.submittedAt },
      expiresAt: Math.floor(Date.parse(receipt.submittedAt) / 1000) + form.meta.retentionDays * DAY_SECONDS,
    };
    if (await store.createSubmission(submission)) return receipt;
    // A concurrent retry with the same key may have stored it first.
    const taken = await store.getSubmission(receipt.reference, now);
    if (keyHash && taken?.requestHash === requestHash) return receipt;
    const next = fresh();
    if (keyHash) await store.repointIdempotencyKey(keyHash, receipt.reference, next);
    receipt = { ...receipt, reference: next };
  }
  throw new StoreUnavailable(new Error('no free reference after several attempts'));
}
