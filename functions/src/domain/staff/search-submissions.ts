import type { FormDefinition, SearchPage } from '../../../../schemas/src/index.js';
import { Forbidden } from '../errors.js';
import { epochAfterDays } from '../epoch.js';
import type { FormRegistry } from '../form-registry.js';
import type { AuditLog, Clock, Crypto, SearchEntry, SearchIndex, SubmissionStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { safeAnswers, submissionSummary } from './inbox.js';
import { parseSearchQuery, submissionTokens } from './search-tokens.js';
import { canAccess, type StaffMember } from './staff-member.js';

export interface SearchDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  search: SearchIndex;
  audit: AuditLog;
  clock: Clock;
  crypto: Crypto;
}

/** Submissions read per key, newest first; a search answers at most RESULTS of them. */
const PER_KEY = 50;
const RESULTS = 20;
/** A search's own audit entry (`search:<municipality>`) is kept this long; entries on the submissions found go with them. */
export const SEARCH_AUDIT_DAYS = 730;

/** The stored key of a token: its hash, so no name, number or address is in a key. */
const searchKey = (crypto: Pick<Crypto, 'sha256'>, token: string): string => crypto.sha256(`search:${token}`);

/** Writes a submission's search keys (before the submission itself, so no stored submission lacks them). */
export async function indexForSearch(
  deps: { search: SearchIndex; crypto: Pick<Crypto, 'sha256'> },
  form: FormDefinition,
  submission: Pick<Submission, 'reference' | 'municipality' | 'answers' | 'submittedAt' | 'expiresAt'>,
): Promise<void> {
  await deps.search.put(searchEntries(deps.crypto, form, submission));
}

/** A submission's search keys, from its answers as they are now (a correction or an erasure removes the old ones). */
export function searchEntries(
  crypto: Pick<Crypto, 'sha256'>,
  form: FormDefinition,
  submission: Pick<Submission, 'reference' | 'municipality' | 'answers' | 'submittedAt' | 'expiresAt'>,
): SearchEntry[] {
  const { reference, municipality, submittedAt, expiresAt } = submission;
  return submissionTokens(form, submission.answers).map((token) => ({
    municipality,
    key: searchKey(crypto, token),
    reference,
    submittedAt,
    expiresAt,
  }));
}

/** References under every key (a name's words all match), newest first. */
async function candidates(deps: SearchDeps, municipality: string, keys: string[], now: Date): Promise<string[]> {
  const lists = await Promise.all(keys.map((key) => deps.search.find(municipality, key, now, PER_KEY)));
  const [first = [], ...rest] = lists;
  return first.filter((reference) => rest.every((list) => list.includes(reference)));
}

/** Whether the stored submission really has these tokens: a key left by a write whose reference went elsewhere does not count. */
async function matches(deps: SearchDeps, submission: Submission, tokens: string[]): Promise<boolean> {
  const form = await deps.registry.versions.formVersion(submission.municipality, submission.formId, submission.formVersion);
  const own = new Set(submissionTokens(form, submission.answers));
  return tokens.every((token) => own.has(token));
}

/**
 * Finds the member's submissions by a name (or a word of it, or its first letters), a phone number or an email,
 * one query per key and municipality whatever the number of submissions; records who searched which
 * municipalities and which submissions were found, never what was typed.
 */
export async function searchSubmissions(
  deps: SearchDeps,
  member: StaffMember,
  input: { q?: string; municipality?: string },
): Promise<SearchPage> {
  const query = parseSearchQuery(input.q);
  if (input.municipality && !canAccess(member, input.municipality)) throw new Forbidden('You do not have access to that municipality.');
  const municipalities = input.municipality ? [input.municipality] : member.municipalities;
  const now = deps.clock.now();
  const keys = query.tokens.map((token) => searchKey(deps.crypto, token));
  const found: Submission[] = [];
  const perMunicipality = new Map<string, string[]>();
  for (const municipality of municipalities) {
    const references = await candidates(deps, municipality, keys, now);
    const hits: string[] = [];
    for (const reference of references) {
      if (found.length >= RESULTS) break;
      const submission = await deps.store.getSubmission(reference, now);
      if (!submission || submission.municipality !== municipality || !(await matches(deps, submission, query.tokens))) continue;
      found.push(submission);
      hits.push(reference);
    }
    perMunicipality.set(municipality, hits);
  }
  const at = now.toISOString();
  const detail = (hits: string[]) => `${query.kind}: ${hits.length}${hits.length ? ` (${hits.join(', ')})` : ''}`;
  await Promise.all([
    ...[...perMunicipality].map(([municipality, hits]) =>
      deps.audit.record({
        reference: `search:${municipality}`,
        at,
        actor: member.email,
        action: 'search',
        detail: detail(hits),
        expiresAt: epochAfterDays(now, SEARCH_AUDIT_DAYS),
      }),
    ),
    ...found.map((s) =>
      deps.audit.record({ reference: s.reference, at, actor: member.email, action: 'search', detail: query.kind, expiresAt: s.expiresAt }),
    ),
  ]);
  found.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const items = await Promise.all(
    found.map(async (s) =>
      submissionSummary(
        s,
        safeAnswers(deps.registry, await deps.registry.versions.formVersion(s.municipality, s.formId, s.formVersion), s),
      ),
    ),
  );
  return { kind: query.kind, items };
}
