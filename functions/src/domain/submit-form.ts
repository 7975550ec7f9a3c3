import {
  canonicalJson,
  describeErrors,
  unsafeTextErrors,
  normalizeAnswers,
  validateAnswers,
  withoutHidden,
  type FormDefinition,
  type Lang,
  type Municipality,
  type Receipt,
} from '../../../schemas/src/index.js';
import { IdempotencyKeyReused, InvalidAnswers, StoreUnavailable } from './errors.js';
import type { FormRegistry } from './form-registry.js';
import type { Clock, Crypto, SearchIndex, SubmissionStore } from './ports.js';
import { indexForSearch } from './staff/search-submissions.js';
import { newReference } from '../../../schemas/src/reference.js';
import type { IdempotencyRecord, Submission } from './submission.js';
import { epochAfterDays } from './epoch.js';
import { confirmationChannels } from './resident-confirmation.js';

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
  /** Staff find a submission by its name, phone and email keys, written before the submission. */
  search: SearchIndex;
  clock: Clock;
  crypto: Crypto;
  /** How long answers to a replaced form version are still taken, in days (`FORM_VERSION_GRACE_DAYS`). */
  formVersionGraceDays: number;
}

type Stored = Omit<Receipt, 'confirmationBy'>;

/** An idempotency key is remembered this long; clients retry within minutes, not days. */
const IDEMPOTENCY_DAYS = 7;
const MAX_REFERENCE_ATTEMPTS = 5;

/** The most answer errors one answer lists; past it, `truncated: true`. */
export const MAX_ANSWER_ERRORS = 100;

function invalidAnswers(registry: FormRegistry, form: FormDefinition, lang: Lang, answers: unknown): InvalidAnswers | undefined {
  const texts = form.texts[lang]!;
  const messages = registry.texts.messages(lang);
  const lookup = (id: string) => texts.fields[id];
  // Controls, bidi overrides and lone surrogates are refused in every string, whatever the form's schema says.
  const errors = [
    ...describeErrors(unsafeTextErrors(answers), messages, lookup, lang),
    ...validateAnswers(registry.versions.validator(form), answers, messages, lookup, lang),
  ];
  if (errors.length === 0) return undefined;
  // The first errors are what a resident can act on; every one of thousands would outgrow any answer (Lambda: 6 MB).
  const shown = errors.slice(0, MAX_ANSWER_ERRORS);
  return new InvalidAnswers(shown.map((e) => e.message).join(' '), shown, errors.length > shown.length);
}

/** Claims the key for this request; if an earlier attempt of the same request holds it, its receipt and whether it stored. */
async function claimKey(store: SubmissionStore, record: IdempotencyRecord, now: Date): Promise<{ receipt: Stored; stored: boolean }> {
  const receipt = { reference: record.reference, submittedAt: record.submittedAt };
  const existing = await store.claimIdempotencyKey(record, now);
  if (!existing) return { receipt, stored: false };
  if (existing.requestHash !== record.requestHash) {
    throw new IdempotencyKeyReused('This Idempotency-Key was already used for a different request.');
  }
  const earlier = { reference: existing.reference, submittedAt: existing.submittedAt };
  // Only a submission this key wrote counts: one with the same reference and body may be someone else's.
  const stored = await store.getSubmission(earlier.reference, now);
  return { receipt: earlier, stored: stored?.idempotencyKeyHash === record.keyHash };
}

/**
 * Validates a resident's answers against the form version they filled and stores them with a new reference and
 * a pending staff notification, in one write. With an idempotency key, a retry of the same request gets the
 * same receipt and stores nothing new; the same key with another request is refused.
 */
export async function submitForm(deps: SubmitDeps, input: SubmitInput): Promise<Receipt> {
  const municipality = deps.registry.catalog.municipality(input.municipality);
  const form = await deps.registry.versions.acceptingVersion(
    municipality.id,
    input.formId,
    input.formVersion,
    deps.clock.now(),
    deps.formVersionGraceDays * 86_400_000,
  );
  const lang = deps.registry.texts.requireLanguage(form, input.lang);
  // Digits from any keyboard read as ASCII, as in the browser: "٠٤٠ ١٢٣ ٤٥٦٧" is a phone number.
  const normalized = normalizeAnswers(form.schema, input.answers);
  const invalid = invalidAnswers(deps.registry, form, lang, normalized);
  if (invalid) throw invalid;
  // The browser drops answers to questions the answers themselves hide; the server must not trust that it did.
  const answers = withoutHidden(form.schema, normalized);
  const stored = await storeSubmission(deps, input, { municipality, form, lang, answers });
  return { ...stored, confirmationBy: confirmationChannels(form, municipality, answers) };
}

/**
 * Whether the submission found at a reference is the one being written: with a key, the key's; without one, the
 * same answers to the same form at the same millisecond (a retried write whose first answer was lost; a stranger's
 * submission under a random reference with all of that equal cannot happen).
 */
function isSameWrite(taken: Submission, ours: Submission): boolean {
  if (ours.idempotencyKeyHash !== undefined) return taken.idempotencyKeyHash === ours.idempotencyKeyHash;
  return (
    taken.idempotencyKeyHash === undefined &&
    taken.submittedAt === ours.submittedAt &&
    taken.formId === ours.formId &&
    taken.formVersion === ours.formVersion &&
    taken.municipality === ours.municipality &&
    canonicalJson(taken.answers) === canonicalJson(ours.answers)
  );
}

/** Stores checked answers once per idempotency key, under a fresh reference. */
async function storeSubmission(
  deps: SubmitDeps,
  input: SubmitInput,
  { municipality, form, lang, answers }: { municipality: Municipality; form: FormDefinition; lang: Lang; answers: Record<string, unknown> },
): Promise<Stored> {
  const { store, clock, crypto } = deps;

  const now = clock.now();
  const fresh = (): string => newReference(municipality.referencePrefix, (n) => crypto.randomBytes(n));
  let receipt: Stored = { reference: fresh(), submittedAt: now.toISOString() };
  const keyHash = input.idempotencyKey === undefined ? undefined : crypto.sha256(`idempotency:${input.idempotencyKey}`);

  if (keyHash !== undefined) {
    const requestHash = crypto.sha256(
      canonicalJson({ formId: form.id, municipality: municipality.id, lang, formVersion: form.version, answers: input.answers }),
    );
    const expiresAt = epochAfterDays(now, IDEMPOTENCY_DAYS);
    const claim = await claimKey(store, { keyHash, requestHash, ...receipt, expiresAt }, now);
    if (claim.stored) return claim.receipt;
    // Either a fresh claim, or an earlier attempt claimed the key but did not store the submission: finish it now.
    receipt = claim.receipt;
  }

  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
    const submission: Submission = {
      reference: receipt.reference,
      formId: form.id,
      formVersion: form.version,
      municipality: municipality.id,
      lang,
      answers,
      consentVersion: form.meta.consentVersion,
      submittedAt: receipt.submittedAt,
      status: 'new',
      version: 1,
      ...(keyHash !== undefined ? { idempotencyKeyHash: keyHash } : {}),
      notification: { state: 'pending', attempts: 0, dueAt: receipt.submittedAt },
      expiresAt: epochAfterDays(new Date(receipt.submittedAt), form.meta.retentionDays),
    };
    // Keys first: a submission is never stored without them, and a key whose reference went elsewhere is checked on read.
    await indexForSearch(deps, form, submission);
    if (await store.createSubmission(submission)) return receipt;
    // This request's own write (its answer lost, the store client wrote again), or a concurrent request with the
    // same key stored it first; anything else at the reference is a collision.
    const taken = await store.getSubmission(receipt.reference, now);
    if (taken && isSameWrite(taken, submission)) return receipt;
    const next = fresh();
    const reference = keyHash === undefined ? next : await store.repointIdempotencyKey(keyHash, receipt.reference, next);
    receipt = { ...receipt, reference };
  }
  throw new StoreUnavailable(new Error('no free reference after several attempts'));
}
