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
import { epoch, epochAfterDays } from './epoch.js';
import { SPAM_RETENTION_DAYS, spamReason, type SpamReason, type SpamSignals } from './spam/spam-signals.js';

type Checked = { municipality: Municipality; form: FormDefinition; lang: Lang; answers: Record<string, unknown> };
import { confirmationChannels } from './resident-confirmation.js';
import { isCase } from '../../../schemas/src/triage.js';
import { checkInvite, useInvite } from './feedback-invite.js';
import type { FeedbackInviteStore } from './ports.js';
import { countSubmission, type CountDeps } from './reports/count-submission.js';

export interface SubmitInput {
  formId: string;
  municipality: string;
  lang: unknown;
  formVersion: number;
  answers: Record<string, unknown>;
  idempotencyKey?: string;
  /** A personal feedback link's token: the feedback is about its service, and the link is used up. */
  invite?: string;
  /** The honeypot's value and the start token (docs/http-contract.md): a bot's submission is held, not refused. */
  signals?: SpamSignals;
  /** Who sent it, hashed (the client address): identical answers from one client within minutes are one case. */
  client?: string;
}

export interface SubmitDeps extends CountDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  /** Staff find a submission by its name, phone and email keys, written before the submission. */
  search: SearchIndex;
  clock: Clock;
  crypto: Crypto;
  /** How long answers to a replaced form version are still taken, in days (`FORM_VERSION_GRACE_DAYS`). */
  formVersionGraceDays: number;
  invites: FeedbackInviteStore;
  /** Signs the start tokens (with its own prefix, apart from the action links'). */
  actionSecret: string;
  /** Identical answers to one form from one client within this many minutes are one case; 0: never grouped. */
  identicalWindowMinutes: number;
  /** Answers back sooner than this after the form was first shown are held as suspected spam (`MIN_FILL_SECONDS`). */
  minFillSeconds: number;
}

type Stored = Omit<Receipt, 'confirmationBy'>;

/** An idempotency key is remembered this long; clients retry within minutes, not days. */
const IDEMPOTENCY_DAYS = 7;
const MAX_REFERENCE_ATTEMPTS = 5;
/** Evidence mails no one: its notification is settled from the start, and never in the outbox. */
const NOTHING_TO_SEND: Submission['notification'] = { state: 'sent', attempts: 0, sentTo: [] };

/** The most answer errors one answer lists; past it, `truncated: true`. */
export const MAX_ANSWER_ERRORS = 100;

/** The answers' problems against the form version, in `lang`; undefined when they pass (also an admin's correction). */
export function invalidAnswers(registry: FormRegistry, form: FormDefinition, lang: Lang, answers: unknown): InvalidAnswers | undefined {
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
  const stored = await store.getSubmission(earlier.reference, now, { includeHeld: true });
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
  if (input.invite !== undefined) await checkInvite(deps, input.invite, municipality.id, form, answers);
  // A bot gets the same 201 as anyone: telling it would teach it.
  const spam = spamReason(deps, form.id, input.signals ?? {}, deps.clock.now(), deps.minFillSeconds);
  const stored = await storeSubmission(deps, input, { municipality, form, lang, answers, spam });
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
  { municipality, form, lang, answers, spam }: Checked & { spam?: SpamReason },
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
  // Used up by the request that stores its feedback; a retry of that request got its receipt above.
  if (input.invite !== undefined) await useInvite(deps, input.invite);
  // Evidence for the reports (a form with `meta.triage: false`) is stored, but no staff mail, search keys or inbox.
  const triage = isCase(form, answers);

  // The same answers again from the same client within minutes (a double tap, a stuck button, a burst): one case.
  const identicalKey =
    spam || !triage || input.client === undefined || deps.identicalWindowMinutes <= 0
      ? undefined
      : crypto.sha256(`identical:${form.id}|${municipality.id}|${input.client}|${canonicalJson(answers)}`);
  if (identicalKey !== undefined) {
    const until = epoch(now) + deps.identicalWindowMinutes * 60;
    const joined = await store.joinIdentical(identicalKey, receipt, now, until);
    if (joined) return joined;
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
      ...(identicalKey !== undefined ? { identicalKey } : {}),
      ...(triage ? {} : { triage: false as const }),
      // Held: no notification is due (it waits outside the outbox) and it is purged unless released. Evidence: none.
      notification: spam
        ? { state: 'pending', attempts: 0 }
        : triage
          ? { state: 'pending', attempts: 0, dueAt: receipt.submittedAt }
          : NOTHING_TO_SEND,
      ...(spam ? { spam: { reason: spam } } : {}),
      reportKey: crypto.token(9),
      expiresAt: epochAfterDays(new Date(receipt.submittedAt), spam ? SPAM_RETENTION_DAYS : form.meta.retentionDays),
    };
    // Keys first: a submission is never stored without them, and a key whose reference went elsewhere is checked on read.
    // A held one gets its keys when released: suspected spam is not found by staff search; evidence never has any.
    if (triage && !spam) await indexForSearch(deps, form, submission);
    // This request's own write (its answer lost, the store client wrote again), or a concurrent request with the
    // same key stored it first; anything else at the reference is a collision.
    const stored = (await store.createSubmission(submission))
      ? submission
      : await store.getSubmission(receipt.reference, now, { includeHeld: true });
    if (stored && isSameWrite(stored, submission)) {
      // Held spam is counted when an admin releases it, if ever. Counted as stored (its `reportKey`), so a concurrent
      // request with the same key counts nothing twice (docs/data-model.md, Reports).
      if (!spam) await countSubmission(deps, stored);
      return receipt;
    }
    const next = fresh();
    const reference = keyHash === undefined ? next : await store.repointIdempotencyKey(keyHash, receipt.reference, next);
    receipt = { ...receipt, reference };
  }
  throw new StoreUnavailable(new Error('no free reference after several attempts'));
}
